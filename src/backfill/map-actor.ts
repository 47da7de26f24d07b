import type { GraphQLActor, GraphQLSubject } from './graphql-types.js';

/** GitHub's placeholder for a deleted account; REST and webhooks show it as the user `ghost`. */
export const GHOST: GraphQLActor = { __typename: 'User', login: 'ghost' };

/**
 * An actor's login as webhooks spell it. GraphQL names a bot `dependabot` where REST and webhooks say
 * `dependabot[bot]`, so a `Bot` gets the suffix back; a deleted account (`null`) is `ghost`.
 */
export function mapActorLogin(actor: GraphQLActor | GraphQLSubject | null): string {
  const login = actor?.login ?? GHOST.login;
  return actor?.__typename === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
}

/** An actor's `type` as webhooks report `user.type` (`User`, `Bot`, `Organization`, `Mannequin`). */
export function mapActorType(actor: GraphQLActor | null): string {
  return actor?.__typename ?? GHOST.__typename;
}

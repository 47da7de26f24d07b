import { schema as githubSchema } from '@octokit/graphql-schema';
import {
  buildSchema,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  GraphQLSchema,
  graphql,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { HEAD_SHA } from './simulator-dataset.js';
import { findRepository, type SimulatorState } from './simulator-state.js';

let schema: GraphQLSchema | undefined;

/** GitHub's public schema, built once (about half a second). */
function loadSchema(): GraphQLSchema {
  schema ??= buildSchema(githubSchema.idl, { assumeValidSDL: true });
  return schema;
}

/**
 * Executes a GraphQL document against GitHub's real schema over the dataset: `repository(owner, name)` and
 * `rateLimit` answer from it; every other field answers its type's empty value (empty connections and lists, zero,
 * false, the epoch), so any valid query the app sends gets a well-formed, schema-checked answer.
 */
export async function answerGraphql(state: SimulatorState, installationId: number | undefined, body: { query?: string; variables?: Record<string, unknown> }): Promise<unknown> {
  const limit = state.dataset.rateLimit ?? 5_000;
  const used = installationId === undefined ? 0 : (state.pointsUsed.get(installationId) ?? 0);
  const root = {
    repository: (args: { owner: string; name: string }) => {
      const found = findRepository(state, `${args.owner}/${args.name}`);
      if (!found || found.installationId !== installationId) return null;
      const { repository } = found;
      return {
        databaseId: repository.id,
        nameWithOwner: repository.fullName,
        isPrivate: repository.private ?? false,
        isArchived: repository.archived ?? false,
        isFork: repository.fork ?? false,
        defaultBranchRef: { name: repository.defaultBranch, target: { __typename: 'Commit', oid: HEAD_SHA } },
      };
    },
    rateLimit: () => ({ cost: 1, limit, remaining: Math.max(0, limit - used), used, resetAt: new Date(Date.now() + 3_600_000).toISOString(), nodeCount: 0 }),
  };
  return graphql({
    schema: loadSchema(),
    source: body.query ?? '',
    variableValues: body.variables ?? {},
    rootValue: root,
    fieldResolver: resolveField,
    typeResolver: (value: unknown, _context, _info, type) => (value as { __typename?: string })?.__typename ?? loadSchema().getPossibleTypes(type)[0]?.name,
  });
}

const resolveField: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
  const value = (source as Record<string, unknown> | null | undefined)?.[info.fieldName];
  if (typeof value === 'function') return (value as (a: unknown) => unknown)(args);
  if (value !== undefined) return value;
  return emptyValue(info.returnType);
};

function emptyValue(type: GraphQLOutputType): unknown {
  if (!isNonNullType(type)) {
    const named = type;
    if (isObjectType(named) && 'pageInfo' in named.getFields()) return emptyConnection();
    return isListType(named) ? [] : null;
  }
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isObjectType(inner)) return 'pageInfo' in inner.getFields() ? emptyConnection() : {};
  if (isAbstractType(inner)) return { __typename: loadSchema().getPossibleTypes(inner)[0]?.name };
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isScalarType(inner)) {
    if (inner.name === 'Int' || inner.name === 'Float') return 0;
    if (inner.name === 'Boolean') return false;
    if (inner.name === 'DateTime' || inner.name === 'Date') return '1970-01-01T00:00:00Z';
    if (inner.name === 'URI') return 'https://github.com/';
    return '';
  }
  return null;
}

function emptyConnection() {
  return { nodes: [], edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null, startCursor: null } };
}

import type { Random } from '../sample/seeded-random.js';
import type { DemoActor } from './create-delivery-writer.js';

/** How an area behaves: how quickly its reviewers answer and how often they answer at all. */
export interface AreaBehaviour {
  label: string;
  /** Share of the PRs opened in this area. */
  weight: number;
  /** Mean hours until a requested reviewer answers (exponential, so long-tailed). */
  responseMeanHours: number;
  /** Chance a PR here never gets a response. */
  silence: number;
  /** Mean lines added. */
  sizeMean: number;
  /** Regular contributors who are not owners. */
  regulars: string[];
}

export const AREA_BEHAVIOUR: AreaBehaviour[] = [
  { label: 'sig/api-machinery', weight: 0.2, responseMeanHours: 14, silence: 0.03, sizeMean: 140, regulars: ['nadia', 'oscar'] },
  { label: 'sig/docs', weight: 0.12, responseMeanHours: 20, silence: 0.05, sizeMean: 40, regulars: ['pavel', 'rania'] },
  { label: 'sig/network', weight: 0.18, responseMeanHours: 12, silence: 0.03, sizeMean: 120, regulars: ['sven', 'tariq'] },
  { label: 'sig/node', weight: 0.22, responseMeanHours: 10, silence: 0.03, sizeMean: 160, regulars: ['ursula', 'victor'] },
  { label: 'sig/storage', weight: 0.28, responseMeanHours: 220, silence: 0.35, sizeMean: 260, regulars: ['wanda', 'yann'] },
];

/** The root approver everyone escalates to: asked to review far more than one person can. */
export const OVERLOADED_REVIEWER = 'amara';

export const DEPENDABOT: DemoActor = { login: 'dependabot[bot]', id: 49_699_333, type: 'Bot' };
export const TRIAGE_BOT: DemoActor = { login: 'k8s-triage-robot', id: 52_000_001, type: 'Bot' };

const FIRST_NAMES = [
  'ana', 'ben', 'carla', 'dmitri', 'elif', 'femi', 'goran', 'hana', 'ivan', 'jia', 'kofi', 'luca', 'maya', 'nils',
  'omar', 'pia', 'quinn', 'rosa', 'sami', 'tomas', 'uma', 'vera', 'wei', 'xiao', 'yusuf', 'zoe',
];

/** Hands out accounts: the same login always gets the same id; newcomers get fresh, plausible logins. */
export interface Cast {
  actor(login: string): DemoActor;
  newcomer(): DemoActor;
  /** Someone who files an issue and is not a contributor. */
  user(): DemoActor;
}

export function createCast(random: Random): Cast {
  const ids = new Map<string, number>();
  let newcomers = 0;
  const actor = (login: string): DemoActor => {
    let id = ids.get(login);
    if (id === undefined) {
      id = 10_000 + ids.size;
      ids.set(login, id);
    }
    return { login, id, type: 'User' };
  };
  const freshLogin = (prefix: string) => {
    newcomers += 1;
    return `${random.pick(FIRST_NAMES)}-${prefix}${String(newcomers).padStart(3, '0')}`;
  };
  return {
    actor,
    newcomer: () => actor(freshLogin('dev')),
    user: () => actor(random.chance(0.5) ? freshLogin('ops') : random.pick(['acme-sre', 'platform-team-bot-free', 'kube-user', 'cluster-admin-jo'])),
  };
}

import type { SimulatedRepository, SimulatorDataset } from './simulator-dataset.js';

/** Every write the simulator received, in order. */
export interface RecordedWrite {
  method: string;
  path: string;
  installationId: number | undefined;
  body: unknown;
}

export interface SimulatedCheckRun {
  id: number;
  repository: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  output: unknown;
  /** The app that created it (GitHub sets it from the token). */
  app: { id: number; slug: string };
  /** Annotations, appended by every create and update as GitHub does. */
  annotations: unknown[];
}

export interface SimulatedIssue {
  id: number;
  repository: string;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
}

/** A pull request GitHub knows (`GET /repos/{o}/{r}/pulls/{n}`): the `pull_request` object of its latest delivery. */
export type SimulatedPullRequest = Record<string, unknown> & { number: number };

export interface SimulatedComment {
  id: number;
  repository: string;
  issue_number: number;
  body: string;
  /** How many times it was edited after creation. */
  edits: number;
}

/** A webhook delivery attempt as `GET /app/hook/deliveries` lists it. */
export interface SimulatedHookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
}

/** The simulator's mutable world: the dataset plus everything the app wrote. */
export interface SimulatorState {
  dataset: SimulatorDataset;
  writes: RecordedWrite[];
  checkRuns: SimulatedCheckRun[];
  issues: SimulatedIssue[];
  comments: SimulatedComment[];
  labels: Map<string, Array<{ name: string; color: string }>>;
  /** Pull requests by `owner/name#number`: {@link rememberPullRequest} keeps them as deliveries describe them. */
  pullRequests: Map<string, SimulatedPullRequest>;
  hookDeliveries: SimulatedHookDelivery[];
  /** Called for `POST /app/hook/deliveries/{id}/attempts`: sends the delivery again, as GitHub would. */
  redeliver?: (delivery: SimulatedHookDelivery) => void;
  /** Points used per installation in the current window. */
  pointsUsed: Map<number, number>;
  nextId(): number;
}

export function createSimulatorState(dataset: SimulatorDataset): SimulatorState {
  let id = 1_000;
  return {
    dataset,
    writes: [],
    checkRuns: [],
    issues: [],
    comments: [],
    labels: new Map(),
    pullRequests: new Map(),
    hookDeliveries: [],
    pointsUsed: new Map(),
    nextId: () => (id += 1),
  };
}

/** Keeps the pull request a delivery describes, as GitHub would answer it (the harness calls this for each delivery it sends). */
export function rememberPullRequest(state: SimulatorState, payload: unknown): void {
  const { repository, pull_request: pull } = (payload ?? {}) as { repository?: { full_name?: string }; pull_request?: SimulatedPullRequest };
  if (typeof repository?.full_name === 'string' && pull && typeof pull.number === 'number') state.pullRequests.set(`${repository.full_name.toLowerCase()}#${pull.number}`, pull);
}

/** The repository `owner/name` and the installation it belongs to. */
export function findRepository(state: SimulatorState, fullName: string): { installationId: number; repository: SimulatedRepository } | undefined {
  for (const installation of state.dataset.installations) {
    const repository = installation.repositories.find((r) => r.fullName.toLowerCase() === fullName.toLowerCase());
    if (repository) return { installationId: installation.id, repository };
  }
  return undefined;
}

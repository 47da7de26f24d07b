import type { PagingGitHubPort } from '../github/client.js';

/** Of GitHub, what keeping one check run on a commit takes. */
export type CheckRunWriter = PagingGitHubPort<{ checks: 'listForRef' | 'listAnnotations' | 'create' | 'update' }>;
import { createOnce, NO_BLIND_RETRY } from './create-once.js';
import { ANNOTATIONS_PER_REQUEST, CHECK_RUN_NAME, type CheckRunAnnotation, type CheckRunOutput, computeContentHash } from '../render/index.js';

export interface UpsertCheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  output: CheckRunOutput;
  /** When the check finished (the caller's clock). */
  completedAt: Date;
  /** This app's id: only its own check run is updated (another app's run of the same name is left alone). */
  appId?: number;
}

export interface UpsertCheckRunResult {
  /** `unchanged`: the run already shows this content (its `external_id` carries the content hash); nothing was written. */
  action: 'created' | 'updated' | 'unchanged';
  checkRunId: number;
  /** Annotations sent now (on an update, only those the run does not carry yet). */
  annotationsSent: number;
  /** Requests that wrote: the create or update, plus one `checks.update` per further batch of 50 annotations. */
  writes: number;
}

/**
 * Publishes the "Community health" check run of one head commit: finds this app's run by name and head SHA
 * (`checks.listForRef` with `check_name`), updates it when there is one and creates it otherwise, so a repeat event,
 * a re-run or a refresh never adds a second run. Annotations go 50 a request (the Checks API limit): the first batch
 * with the create or update, the rest in further `checks.update` calls. GitHub appends annotations on every update
 * and cannot remove them, so on an update only annotations the run does not already carry are sent (an annotation
 * that no longer applies stays on the run until the next commit gets its own run).
 */
export async function upsertCheckRun(octokit: CheckRunWriter, input: UpsertCheckRunInput): Promise<UpsertCheckRunResult> {
  const { owner, repo, output } = input;
  const existing = await findCheckRun(octokit, input);
  const externalId = checkRunExternalId(output);
  if (existing && existing.externalId === externalId) return { action: 'unchanged', checkRunId: existing.id, annotationsSent: 0, writes: 0 };
  const base = {
    status: 'completed' as const,
    conclusion: output.conclusion,
    completed_at: input.completedAt.toISOString(),
    external_id: externalId,
  };
  const text = output.text === undefined ? {} : { text: output.text };
  const outputWith = (annotations: CheckRunAnnotation[]) => ({ title: output.title, summary: output.summary, ...text, annotations });

  let checkRunId: number;
  let pending: CheckRunAnnotation[];
  if (existing) {
    checkRunId = existing.id;
    pending = existing.annotations > 0 ? await selectMissingAnnotations(octokit, input, checkRunId) : [...output.annotations];
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: checkRunId,
      ...base,
      output: outputWith(pending.slice(0, ANNOTATIONS_PER_REQUEST)),
    });
  } else {
    pending = [...output.annotations];
    // A create answered 5xx (or not at all) may have been applied: the run is looked up again before any retry.
    checkRunId = await createOnce(
      async () =>
        (
          await octokit.rest.checks.create({
            owner,
            repo,
            name: CHECK_RUN_NAME,
            head_sha: input.headSha,
            ...base,
            output: outputWith(pending.slice(0, ANNOTATIONS_PER_REQUEST)),
            ...NO_BLIND_RETRY,
          })
        ).data.id,
      async () => (await findCheckRun(octokit, input))?.id,
    );
  }
  let writes = 1;
  for (let start = ANNOTATIONS_PER_REQUEST; start < pending.length; start += ANNOTATIONS_PER_REQUEST) {
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: checkRunId,
      output: outputWith(pending.slice(start, start + ANNOTATIONS_PER_REQUEST)),
    });
    writes += 1;
  }
  return { action: existing ? 'updated' : 'created', checkRunId, annotationsSent: pending.length, writes };
}

/**
 * `fallacy-watch:<hash>`: the run's `external_id`, a hash of everything it shows (conclusion, title, summary, text,
 * annotations), so an unchanged recomputation writes nothing.
 */
export function checkRunExternalId(output: CheckRunOutput): string {
  const { conclusion, title, summary, text, annotations } = output;
  return `fallacy-watch:${computeContentHash(JSON.stringify([conclusion, title, summary, text ?? null, annotations]))}`;
}

/** This app's "Community health" run on the head commit (the newest, should there be several). */
async function findCheckRun(
  octokit: CheckRunWriter,
  input: UpsertCheckRunInput,
): Promise<{ id: number; annotations: number; externalId: string | null } | undefined> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: input.owner,
    repo: input.repo,
    ref: input.headSha,
    check_name: CHECK_RUN_NAME,
    filter: 'all',
    per_page: 100,
    ...(input.appId === undefined ? {} : { app_id: input.appId }),
  });
  const ours = runs
    .filter((run) => run.name === CHECK_RUN_NAME && run.head_sha === input.headSha)
    .filter((run) => input.appId === undefined || run.app?.id === input.appId)
    .sort((a, b) => b.id - a.id)[0];
  return ours ? { id: ours.id, annotations: ours.output?.annotations_count ?? 0, externalId: ours.external_id ?? null } : undefined;
}

async function selectMissingAnnotations(
  octokit: CheckRunWriter,
  input: UpsertCheckRunInput,
  checkRunId: number,
): Promise<CheckRunAnnotation[]> {
  if (input.output.annotations.length === 0) return [];
  const existing = await octokit.paginate(octokit.rest.checks.listAnnotations, {
    owner: input.owner,
    repo: input.repo,
    check_run_id: checkRunId,
    per_page: 100,
  });
  const present = new Set(existing.map((annotation) => annotationKey(annotation)));
  return input.output.annotations.filter((annotation) => !present.has(annotationKey(annotation)));
}

function annotationKey(annotation: {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string | null;
  title?: string | null;
  message: string | null;
}): string {
  return JSON.stringify([
    annotation.path,
    annotation.start_line,
    annotation.end_line,
    annotation.annotation_level,
    annotation.title ?? '',
    annotation.message ?? '',
  ]);
}

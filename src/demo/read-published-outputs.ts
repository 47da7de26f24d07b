import type { CheckRunAnnotation, CheckRunOutput } from '../render/index.js';
import type { RecordedWrite } from './create-demo-github.js';

/** What the app posted, as read back from its writes to GitHub. */
export interface PublishedOutputs {
  /** The "Community health" check run as it stands after the last write (annotations of every batch). */
  checkRun: CheckRunOutput | null;
  /** The sticky comment's body on the showcase PR; `null` when the app posted none. */
  prComment: string | null;
  /** The digest issue as last created or edited. */
  digest: { title: string; body: string } | null;
}

interface OutputBody {
  title?: string;
  summary?: string;
  text?: string;
  annotations?: CheckRunAnnotation[];
}

/**
 * Replays the app's writes (in order) into the final state GitHub would show: the check run (created, then
 * updated with further annotation batches), the PR's sticky comment (created or edited, `null` once deleted) and
 * the digest issue. Pure.
 */
export function readPublishedOutputs(writes: readonly RecordedWrite[], pullNumber: number): PublishedOutputs {
  let checkRun: CheckRunOutput | null = null;
  let prComment: string | null = null;
  let digest: { title: string; body: string } | null = null;
  for (const { method, path, body } of writes) {
    if (/\/check-runs(?:\/\d+)?$/.test(path) && (method === 'POST' || method === 'PATCH')) {
      const output = (body.output ?? {}) as OutputBody;
      const before: CheckRunOutput = checkRun ?? { conclusion: 'neutral', title: '', summary: '', annotations: [] };
      checkRun = {
        conclusion: (body.conclusion as CheckRunOutput['conclusion'] | undefined) ?? before.conclusion,
        title: output.title ?? before.title,
        summary: output.summary ?? before.summary,
        annotations: [...before.annotations, ...(output.annotations ?? [])],
        ...(output.text !== undefined ? { text: output.text } : before.text !== undefined ? { text: before.text } : {}),
      };
    } else if (method === 'POST' && path.endsWith(`/issues/${pullNumber}/comments`)) {
      prComment = String(body.body ?? '');
    } else if (method === 'PATCH' && /\/issues\/comments\/\d+$/.test(path)) {
      prComment = String(body.body ?? prComment ?? '');
    } else if (method === 'DELETE' && /\/issues\/comments\/\d+$/.test(path)) {
      prComment = null;
    } else if (/\/issues(?:\/\d+)?$/.test(path) && (method === 'POST' || method === 'PATCH') && typeof body.body === 'string') {
      const previousTitle: string = digest === null ? '' : (digest as { title: string }).title;
      digest = { title: typeof body.title === 'string' ? body.title : previousTitle, body: body.body };
    }
  }
  return { checkRun, prComment, digest };
}

/**
 * Event fields an outsider can write (titles, bodies, branch names, commit messages and author names …), after
 * GitHub Security Lab's "untrusted input" list and Scorecard's Dangerous-Workflow check, plus committer names,
 * discussions, blocked users and `workflow_run` branch names / titles.
 */
const UNTRUSTED_EVENT_FIELD = new RegExp(
  [
    'issue\\.title',
    'issue\\.body',
    'pull_request\\.title',
    'pull_request\\.body',
    'comment\\.body',
    'review\\.body',
    'review_comment\\.body',
    'pages.*\\.page_name',
    'commits.*\\.message',
    'head_commit\\.message',
    'head_commit\\.(?:author|committer)\\.(?:email|name)',
    'commits.*\\.(?:author|committer)\\.(?:email|name)',
    'pull_request\\.head\\.ref',
    'pull_request\\.head\\.label',
    'pull_request\\.head\\.repo\\.default_branch',
    'discussion\\.title',
    'discussion\\.body',
    'blocked_user\\.name',
    'blocked_user\\.email',
    'workflow_run\\.head_branch',
    'workflow_run\\.display_title',
  ].join('|'),
);

/** `toJSON(github)` / `toJSON(github.event)` serialise every field above at once (case-insensitive, spaces allowed). */
const WHOLE_EVENT_AS_JSON = /tojson\(\s*github(?:\.event)?\s*\)/i;

/**
 * Whether the inside of a `${{ … }}` expression may carry attacker-controlled text, which, interpolated into a
 * script, becomes code. `github.head_ref` is the PR branch name; other fields count only under `github.event.`.
 * `toJSON` of a sub-object (e.g. `github.event.pull_request`) is treated as trusted, as Scorecard does.
 */
export function isUntrustedExpression(expression: string): boolean {
  if (expression.includes('github.head_ref')) return true;
  if (WHOLE_EVENT_AS_JSON.test(expression)) return true;
  return expression.includes('github.event.') && UNTRUSTED_EVENT_FIELD.test(expression);
}

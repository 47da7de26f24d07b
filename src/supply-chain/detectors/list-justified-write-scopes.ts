import type { WorkflowJob } from '../workflow-model.js';

/** A job purpose that needs a write scope, recognised by the actions it uses or the commands it runs. */
interface WritePurpose {
  scope: string;
  /** `uses:` prefixes (before `@`), compared case-insensitively. */
  actions: string[];
  commands: RegExp[];
}

/**
 * Job purposes that legitimately need a write scope (as Scorecard's Token-Permissions also accepts them):
 * uploading code-scanning results needs `security-events: write`, cutting a release or publishing pages needs
 * `contents: write`, publishing to GitHub Packages needs `packages: write`.
 */
const PURPOSES: WritePurpose[] = [
  {
    scope: 'security-events',
    actions: [
      'github/codeql-action/analyze',
      'github/codeql-action/upload-sarif',
      'ossf/scorecard-action',
      'haskell-actions/hlint-scan',
      'zizmorcore/zizmor-action',
    ],
    commands: [],
  },
  {
    scope: 'contents',
    actions: [
      'goreleaser/goreleaser-action',
      'softprops/action-gh-release',
      'ncipollo/release-action',
      'relekang/python-semantic-release',
      'python-semantic-release/python-semantic-release',
      'googleapis/release-please-action',
      'google-github-actions/release-please-action',
      'changesets/action',
      'peaceiris/actions-gh-pages',
      'jamesives/github-pages-deploy-action',
    ],
    commands: [/\bsemantic-release\b/, /\brelease:(?:prepare|perform)\b/, /\bgh\s+release\s+(?:create|upload)\b/],
  },
  {
    scope: 'packages',
    actions: ['docker/build-push-action', 'goreleaser/goreleaser-action'],
    commands: [
      /\bdocker\s+(?:image\s+)?push\b/,
      /\bmvnw?\b.*\bdeploy\b/,
      /\bgradlew?\b.*\bpublish/,
      /\b(?:npm|yarn|pnpm)\s+publish\b/,
      /\bnuget\s+push\b/,
      /\bgem\s+push\b/,
    ],
  },
];

/** The write scopes a job's own steps show it needs; a write to one of these at job level is not reported. */
export function listJustifiedWriteScopes(job: WorkflowJob): Set<string> {
  const actions = job.steps
    .map((step) => (step.uses && !step.uses.alias ? step.uses.value.split('@')[0]!.toLowerCase() : null))
    .filter((name): name is string => name !== null);
  const scripts = job.steps.map((step) => step.run?.value ?? '');
  const justified = new Set<string>();
  for (const purpose of PURPOSES) {
    const usesAction = actions.some((name) => purpose.actions.includes(name));
    const runsCommand = scripts.some((script) => purpose.commands.some((command) => command.test(script)));
    if (usesAction || runsCommand) justified.add(purpose.scope);
  }
  return justified;
}

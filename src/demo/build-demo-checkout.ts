import type { SupplyChainInput } from '../supply-chain/analyze-supply-chain.js';

/** One `sig/` area of the demo repository: the directory its OWNERS file sits in and who is listed there. */
export interface DemoArea {
  label: string;
  dir: string;
  approvers: string[];
  reviewers: string[];
  /** File names under `dir` (a few per area; PRs change some of them). */
  files: string[];
}

/** The demo repository's default branch: its file tree, OWNERS files and workflows. */
export interface DemoCheckout {
  areas: DemoArea[];
  /** Every tracked path. */
  paths: string[];
  /** OWNERS files by path (what `buildAreaModel` reads). */
  ownersFiles: Map<string, string>;
  /** What the supply-chain analysis reads: root, `.github/` and `docs/` entries, and the workflow files. */
  supplyChain: SupplyChainInput;
}

/** The workflow with the unpinned action and the `pull_request_target` checkout of the PR head (fallacy 5). */
export const TRIAGE_WORKFLOW = '.github/workflows/pr-triage.yml';

const AREAS: DemoArea[] = [
  { label: 'sig/api-machinery', dir: 'pkg/api', approvers: ['chen', 'dalia'], reviewers: ['eve'], files: ['types.go', 'validation.go', 'conversion.go', 'defaults.go'] },
  { label: 'sig/docs', dir: 'docs', approvers: ['kai', 'lena'], reviewers: ['mo'], files: ['getting-started.md', 'concepts.md', 'reference.md', 'faq.md'] },
  { label: 'sig/network', dir: 'pkg/network', approvers: ['hiro', 'ines'], reviewers: ['jonas'], files: ['proxy.go', 'dns.go', 'endpoints.go', 'policy.go'] },
  { label: 'sig/node', dir: 'pkg/node', approvers: ['bjorn', 'farid'], reviewers: ['grace'], files: ['kubelet.go', 'pods.go', 'eviction.go', 'cgroups.go'] },
  // Understaffed: one approver for the storage code everything else depends on.
  { label: 'sig/storage', dir: 'pkg/storage', approvers: ['olga'], reviewers: [], files: ['volume.go', 'attach.go', 'csi.go', 'snapshot.go', 'resize.go'] },
];

const CI_WORKFLOW = `name: ci
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: actions/setup-go@3041bf56c941b39c61721a86cd11f3bb1338122a # v5.2.0
      - run: go test ./...
`;

const TRIAGE_WORKFLOW_TEXT = `name: pr-triage
on:
  pull_request_target:
    types: [opened, synchronize]
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - uses: actions/labeler@v5
      - run: ./hack/label-size.sh
`;

/**
 * The demo repository at its default branch head: a Kubernetes-style OWNERS tree (a root OWNERS and one per `sig/`
 * area, labelled so each directory is the area of its label), a pinned CI workflow and a triage workflow that runs
 * on `pull_request_target`, checks out the PR head and uses unpinned actions. Pure and constant.
 */
export function buildDemoCheckout(): DemoCheckout {
  const ownersFiles = new Map<string, string>();
  ownersFiles.set('OWNERS', ownersFile(['amara', 'bjorn'], ['chen'], []));
  const paths = ['OWNERS', 'README.md', 'CONTRIBUTING.md', 'LICENSE', 'go.mod', 'go.sum', 'Makefile', 'hack/label-size.sh', '.github/workflows/ci.yml', TRIAGE_WORKFLOW];
  for (const area of AREAS) {
    ownersFiles.set(`${area.dir}/OWNERS`, ownersFile(area.approvers, area.reviewers, [area.label]));
    paths.push(`${area.dir}/OWNERS`, ...area.files.map((file) => `${area.dir}/${file}`));
  }
  const workflows = [
    { path: '.github/workflows/ci.yml', text: CI_WORKFLOW },
    { path: TRIAGE_WORKFLOW, text: TRIAGE_WORKFLOW_TEXT },
  ];
  const signalPaths = [
    ...paths.filter((path) => !path.includes('/')),
    '.github/workflows',
    'docs/OWNERS',
    ...AREAS.find((area) => area.dir === 'docs')!.files.map((file) => `docs/${file}`),
  ].sort();
  return {
    areas: AREAS.map((area) => ({ ...area, approvers: [...area.approvers], reviewers: [...area.reviewers], files: [...area.files] })),
    paths: paths.sort(),
    ownersFiles,
    supplyChain: { paths: signalPaths, releases: null, workflows },
  };
}

function ownersFile(approvers: string[], reviewers: string[], labels: string[]): string {
  const list = (key: string, values: string[]) => (values.length === 0 ? '' : `${key}:\n${values.map((v) => `  - ${v}`).join('\n')}\n`);
  return `# See the OWNERS docs at https://go.k8s.io/owners\n${list('approvers', approvers)}${list('reviewers', reviewers)}${list('labels', labels)}`;
}

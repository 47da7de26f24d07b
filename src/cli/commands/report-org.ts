import type { FallacyWatchConfig } from '../../config/config-schema.js';
import type { OrgConfig } from '../../config/org-config-schema.js';
import type { RepositoryRecord } from '../../core/records.js';
import { renderOrgDigest } from '../../render/render-org-digest.js';
import { resolveReportWindow } from '../../report/build-report.js';
import { buildOrgReport } from '../../report/org/build-org-report.js';
import { loadOrgActivities } from '../../report/org/load-org-activities.js';
import type { OrgReport } from '../../report/org/org-report.js';
import { selectOrgRepositories } from '../../report/org/select-org-repositories.js';
import type { Store } from '../../store/store.js';
import { CliError } from '../cli-error.js';

/** GitHub's rule for an organisation or user login: letters, digits and single inner hyphens, at most 39. */
const OWNER_LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

export interface OrgReportRequest {
  organization: string;
  config: FallacyWatchConfig;
  orgConfig?: OrgConfig;
  to: Date;
  from?: Date;
  installation?: number;
  format: 'json' | 'markdown' | 'summary';
  weekOf: string;
}

/**
 * `report --org <org>`: every repository of the organisation the store holds for one installation, pooled
 * (`fallacy-watch/org-report@1`), as JSON, the organisation digest's markdown, or a short summary.
 */
export async function renderOrgReportOutput(store: Pick<Store, 'findRepositoriesOfOwner' | 'loadActivity'>, request: OrgReportRequest): Promise<string> {
  if (!OWNER_LOGIN.test(request.organization)) throw new CliError(`report: --org expects an organisation login, got "${request.organization}"`);
  const { included: repositories, leftOut } = selectOrgRepositories(
    selectInstallation(await store.findRepositoriesOfOwner(request.organization), request),
    request.orgConfig?.include,
  );
  const window = resolveReportWindow(request.config, request.to, request.from);
  const activities = await loadOrgActivities(store, repositories, window);
  const { report } = buildOrgReport({
    organization: request.organization,
    repositories: activities.map((activity) => ({ activity, areaModel: null, paths: null, supplyChain: null })),
    config: request.config,
    ...(request.orgConfig ? { orgConfig: request.orgConfig } : {}),
    to: request.to,
    ...(request.from ? { from: request.from } : {}),
    leftOut,
  });
  if (request.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (request.format === 'markdown') {
    const digest = renderOrgDigest({ report, weekOf: request.weekOf });
    return `# ${digest.title}\n\n${digest.body}\n`;
  }
  return renderOrgSummary(report);
}

function selectInstallation(found: RepositoryRecord[], request: OrgReportRequest): RepositoryRecord[] {
  const matching = request.installation === undefined ? found : found.filter((r) => r.installationId === request.installation);
  if (matching.length === 0) {
    const scope = request.installation === undefined ? '' : ` for installation ${request.installation}`;
    throw new CliError(`report: no repository of ${request.organization} is in the store${scope} (ingest deliveries with replay, or run backfill)`);
  }
  const installations = [...new Set(matching.map((r) => r.installationId))];
  if (installations.length > 1) throw new CliError(`report: ${request.organization} is stored under installations ${installations.join(', ')}; pass --installation`);
  return matching;
}

function renderOrgSummary(report: OrgReport): string {
  const metrics = report.org.metrics;
  const orgFindings = report.findings.filter((finding) => finding.repository === null);
  const lines = [
    `${report.organization}: ${report.repositories.length} repositories, ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)}`,
    `  PRs started ${metrics.prs_started ?? '—'}, merged ${metrics.prs_merged ?? '—'}, unanswered ${metrics.unanswered_prs ?? '—'}; first-time contributors ${metrics.first_time_contributors ?? '—'}`,
    `  ${orgFindings.length} organisation-wide findings, ${report.findings.length - orgFindings.length} in repositories`,
    ...orgFindings.map((finding) => `  - ${finding.severity}: ${finding.area === null ? '' : `${finding.area}: `}${finding.title}`),
    ...report.repositories.map((entry) => `  ${entry.repository}: ${entry.findings} findings, ${entry.metrics.prs_started ?? '—'} PRs started`),
  ];
  return `${lines.join('\n')}\n`;
}

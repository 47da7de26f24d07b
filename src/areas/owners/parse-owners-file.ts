import { parseDocument } from 'yaml';

/** `options:` of an OWNERS file. */
export interface OwnersDirOptions {
  /** Approvers (and other entries) of parent directories do not apply below this directory. */
  noParentOwners: boolean;
  /** Changes to unowned sub-folders are auto-approved (recorded, not used by fallacy-watch). */
  autoApproveUnownedSubfolders: boolean;
}

/** The people and labels one OWNERS section assigns; logins as written (not yet normalized or alias-expanded). */
export interface OwnersConfig {
  approvers: string[];
  /** Approvers whose approval is advisory (prow#783): they are approvers, but not leaf approvers. */
  advisoryApprovers: string[];
  reviewers: string[];
  requiredReviewers: string[];
  labels: string[];
}

/** One section of an OWNERS file: the whole file (`filter: null`) or one `filters:` regexp (`.*` is `null` too). */
export interface OwnersSection {
  filter: RegExp | null;
  config: OwnersConfig;
}

export interface ParsedOwnersFile {
  options: OwnersDirOptions;
  sections: OwnersSection[];
  /** Problems prow logs and skips (an invalid filter regexp, an unreadable file). */
  problems: { line: number | null; message: string }[];
}

/**
 * Parses an OWNERS file as prow does: first as a simple config (`approvers`, `reviewers`, `required_reviewers`,
 * `labels`, `options`); if that fails or is empty, as a full config whose `filters:` map a regexp (matched against
 * the path relative to the OWNERS directory, unanchored) to a config. Unknown keys are ignored, as in prow. A file
 * that is neither yields no sections and one problem.
 */
export function parseOwnersFile(content: string): ParsedOwnersFile {
  const document = parseDocument(content, { prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    return { options: defaultOptions(), sections: [], problems: [{ line: yamlError.linePos?.[0]?.line ?? null, message: yamlError.message }] };
  }
  const root: unknown = document.toJS() ?? {};
  try {
    if (!isRecord(root)) throw new TypeError('an OWNERS file must be a YAML mapping');
    const simple = readConfig(root);
    if (!isEmpty(simple)) return { options: readOptions(root.options), sections: [{ filter: null, config: simple }], problems: [] };
  } catch {
    // prow falls back to the full config when the simple one does not unmarshal.
  }
  const problems: ParsedOwnersFile['problems'] = [];
  try {
    if (!isRecord(root)) throw new TypeError('an OWNERS file must be a YAML mapping');
    const filters = root.filters ?? {};
    if (!isRecord(filters)) throw new TypeError('filters must be a mapping of regexp to config');
    const sections: OwnersSection[] = [];
    for (const [pattern, value] of Object.entries(filters)) {
      let filter: RegExp | null = null;
      if (pattern !== '.*') {
        try {
          filter = new RegExp(pattern);
        } catch {
          problems.push({ line: null, message: `invalid filter regexp ${JSON.stringify(pattern)}` });
          continue;
        }
      }
      sections.push({ filter, config: readConfig(isRecord(value) ? value : {}) });
    }
    return { options: readOptions(root.options), sections, problems };
  } catch (error) {
    return { options: defaultOptions(), sections: [], problems: [{ line: null, message: (error as Error).message }] };
  }
}

function readConfig(record: Record<string, unknown>): OwnersConfig {
  const advisoryApprovers = readList(record, 'advisory_approvers');
  return {
    approvers: [...readList(record, 'approvers'), ...advisoryApprovers],
    advisoryApprovers,
    reviewers: readList(record, 'reviewers'),
    requiredReviewers: readList(record, 'required_reviewers'),
    labels: readList(record, 'labels'),
  };
}

function readList(record: Record<string, unknown>, key: string): string[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new TypeError(`${key} must be a list of strings`);
  }
  return value as string[];
}

function readOptions(value: unknown): OwnersDirOptions {
  const options = isRecord(value) ? value : {};
  return {
    noParentOwners: options.no_parent_owners === true,
    autoApproveUnownedSubfolders: options.auto_approve_unowned_subfolders === true,
  };
}

function defaultOptions(): OwnersDirOptions {
  return { noParentOwners: false, autoApproveUnownedSubfolders: false };
}

function isEmpty(config: OwnersConfig): boolean {
  return config.approvers.length + config.reviewers.length + config.requiredReviewers.length + config.labels.length === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

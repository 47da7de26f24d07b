import { compileGoRegexp, type GoRegexp } from './compile-go-regexp.js';
import { goScalarString, matchGoFields, readProwYaml } from './read-prow-yaml.js';

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

/** What an OWNERS entry is scoped by: a Go regexp matched (unanchored) against the path relative to its directory. */
export type OwnersFilter = Pick<GoRegexp, 'source' | 'test'>;

/** One section of an OWNERS file: the whole file (`filter: null`) or one `filters:` regexp (`.*` is `null` too). */
export interface OwnersSection {
  filter: OwnersFilter | null;
  config: OwnersConfig;
}

export interface ParsedOwnersFile {
  options: OwnersDirOptions;
  sections: OwnersSection[];
  /** Problems prow logs and skips (an invalid filter regexp, an unreadable file). */
  problems: { line: number | null; message: string }[];
}

const CONFIG_FIELDS = ['approvers', 'advisory_approvers', 'reviewers', 'required_reviewers', 'labels'] as const;
const OPTION_FIELDS = ['no_parent_owners', 'auto_approve_unowned_subfolders'] as const;

/**
 * Parses an OWNERS file as prow does: the first YAML document, decoded through sigs.k8s.io/yaml into Go structs
 * (keys match case-insensitively, `Approvers:` is `approvers`; scalars in string lists become strings, `12345` is
 * "12345"; YAML 1.1, so `yes` is `true`). First as a simple config (`approvers`, `reviewers`, `required_reviewers`,
 * `labels`, `options`); if that fails to decode or is empty, as a full config whose `filters:` map a Go regexp
 * (matched against the path relative to the OWNERS directory, unanchored) to a config. Unknown keys are ignored, as
 * in prow; a filter Go cannot compile is skipped with a problem. A file that is neither yields no sections and one
 * problem.
 */
export function parseOwnersFile(content: string): ParsedOwnersFile {
  const yaml = readProwYaml(content);
  if (!yaml.ok) return { options: defaultOptions(), sections: [], problems: [{ line: yaml.line, message: yaml.message }] };
  const root = yaml.value;

  const simple = new GoDecoder();
  const simpleConfig = simple.config(root);
  const simpleOptions = simple.options(isRecord(root) ? matchGoFields(root, ['options']).get('options') : undefined);
  if (simple.error === null && !isEmpty(simpleConfig)) {
    return { options: simpleOptions, sections: [{ filter: null, config: simpleConfig }], problems: [] };
  }

  const full = new GoDecoder();
  const fields = isRecord(root) ? matchGoFields(root, ['filters', 'options']) : new Map<string, unknown>();
  if (root !== null && !isRecord(root)) full.fail('an OWNERS file must be a YAML mapping');
  const options = full.options(fields.get('options'));
  const filters = fields.get('filters') ?? null;
  const configs: [string, OwnersConfig][] = [];
  if (filters !== null && !isRecord(filters)) full.fail('filters must be a mapping of regexp to config');
  else if (filters !== null) for (const [pattern, value] of Object.entries(filters)) configs.push([pattern, full.config(value)]);
  if (full.error !== null) return { options: defaultOptions(), sections: [], problems: [{ line: null, message: full.error }] };

  const problems: ParsedOwnersFile['problems'] = [];
  const sections: OwnersSection[] = [];
  for (const [pattern, config] of configs) {
    let filter: OwnersFilter | null = null;
    if (pattern !== '.*') {
      try {
        filter = compileGoRegexp(pattern);
      } catch {
        problems.push({ line: null, message: `invalid filter regexp ${JSON.stringify(pattern)}` });
        continue;
      }
    }
    sections.push({ filter, config });
  }
  return { options, sections, problems };
}

/**
 * Go's `encoding/json` decoding into prow's config structs: a value of the wrong type leaves its field empty and
 * records the first error (decoding goes on), and the caller treats any error as a failed decode.
 */
class GoDecoder {
  error: string | null = null;

  fail(message: string): void {
    this.error ??= message;
  }

  config(value: unknown): OwnersConfig {
    const config: OwnersConfig = { approvers: [], advisoryApprovers: [], reviewers: [], requiredReviewers: [], labels: [] };
    if (value === null || value === undefined) return config;
    if (!isRecord(value)) {
      this.fail('an OWNERS config must be a mapping');
      return config;
    }
    const fields = matchGoFields(value, CONFIG_FIELDS);
    const advisoryApprovers = this.strings(fields, 'advisory_approvers');
    return {
      approvers: [...this.strings(fields, 'approvers'), ...advisoryApprovers],
      advisoryApprovers,
      reviewers: this.strings(fields, 'reviewers'),
      requiredReviewers: this.strings(fields, 'required_reviewers'),
      labels: this.strings(fields, 'labels'),
    };
  }

  options(value: unknown): OwnersDirOptions {
    const options = defaultOptions();
    if (value === null || value === undefined) return options;
    if (!isRecord(value)) {
      this.fail('options must be a mapping');
      return options;
    }
    const fields = matchGoFields(value, OPTION_FIELDS);
    return {
      noParentOwners: this.bool(fields.get('no_parent_owners'), 'no_parent_owners'),
      autoApproveUnownedSubfolders: this.bool(fields.get('auto_approve_unowned_subfolders'), 'auto_approve_unowned_subfolders'),
    };
  }

  private strings(fields: Map<string, unknown>, key: string): string[] {
    const value = fields.get(key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(`${key} must be a list of strings`);
      return [];
    }
    return value.map((item) => {
      if (item === null) return '';
      const text = goScalarString(item);
      if (text === undefined) this.fail(`${key} must be a list of strings`);
      return text ?? '';
    });
  }

  private bool(value: unknown, key: string): boolean {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') {
      this.fail(`${key} must be a boolean`);
      return false;
    }
    return value;
  }
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

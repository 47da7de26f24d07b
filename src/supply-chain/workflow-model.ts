/**
 * A GitHub Actions workflow as the supply-chain detectors see it: only the parts they read, each with its 1-based
 * line in the file. Built by `parseWorkflow`; plain data, so detectors are pure functions over it.
 */

/** A value and the line it is written on. */
export interface Located<T> {
  value: T;
  line: number;
}

/** `permissions:` at workflow or job level. */
export interface PermissionsDeclaration {
  /** Line of the `permissions:` key. */
  line: number;
  /** `read-all`, `write-all` … when written as a single string; `null` when a mapping or empty. */
  all: Located<string> | null;
  /** One entry per `scope: level` (e.g. `contents: write`); empty for `permissions: {}` or an empty value. */
  scopes: Array<{ scope: string; value: string; line: number }>;
}

/** A `run:` script with its raw source lines, so a match inside a block scalar can be placed on its own line. */
export interface ScriptSource {
  /** The script as YAML resolves it. */
  value: string;
  /** Line of the first source line (the `|` header for a block scalar). */
  line: number;
  /** The scalar's source text, line by line, with file line numbers. */
  sourceLines: Array<{ line: number; text: string }>;
}

/** A `uses:` reference. An alias (`uses: *anchor`) carries no value: its anchor is where the reference is written. */
export interface UsesReference extends Located<string> {
  alias: boolean;
}

export interface WorkflowStep {
  line: number;
  uses: UsesReference | null;
  run: ScriptSource | null;
  /** Scalar `with:` inputs, by name. */
  with: Record<string, Located<string>>;
  /** `with.script` as source lines (the inline JavaScript of `actions/github-script`), `null` when absent. */
  scriptInput: ScriptSource | null;
}

export interface WorkflowJob {
  id: string;
  /** Line of the job's key. */
  line: number;
  permissions: PermissionsDeclaration | null;
  /** A reusable-workflow call (`jobs.<id>.uses`). */
  uses: UsesReference | null;
  steps: WorkflowStep[];
}

export interface WorkflowModel {
  /** Repository-relative path, e.g. `.github/workflows/ci.yml`. */
  path: string;
  /** Event names under `on:` (`push`, `pull_request_target` …). */
  triggers: string[];
  /** Top-level `permissions:`; `null` when absent. */
  permissions: PermissionsDeclaration | null;
  jobs: WorkflowJob[];
}

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import type { SupplyChainFinding } from './types.js';
import type {
  Located,
  PermissionsDeclaration,
  ScriptSource,
  WorkflowJob,
  WorkflowModel,
  WorkflowStep,
} from './workflow-model.js';

/** What parsing a workflow file gives: its model, or the one finding that says why there is none. */
export type ParseWorkflowResult =
  | { ok: true; workflow: WorkflowModel | null }
  | { ok: false; finding: SupplyChainFinding };

/**
 * Parses a GitHub Actions workflow into the line-aware {@link WorkflowModel} the detectors read.
 * Never throws: malformed YAML (or a document that is not a mapping) gives a `workflow-parse-error` finding at the
 * parser's line. An empty or comment-only file gives `workflow: null` (nothing runs, nothing to report).
 */
export function parseWorkflow(path: string, text: string): ParseWorkflowResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    // Some errors (e.g. a duplicate key) point at the whitespace before the offending token: report the token's line.
    const offset = error.pos[0] + (/^\s*/.exec(text.slice(error.pos[0]))?.[0].length ?? 0);
    const line = lineCounter.linePos(Math.min(offset, Math.max(text.length - 1, 0))).line;
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
    return { ok: false, finding: parseErrorFinding(path, line, reason) };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { ok: true, workflow: null };
  }
  if (!isMap(root)) {
    const line = root.range ? lineCounter.linePos(root.range[0]).line : 1;
    return { ok: false, finding: parseErrorFinding(path, line, 'the document is not a mapping of workflow keys') };
  }
  const reader = new NodeReader(doc, text, lineCounter);
  return { ok: true, workflow: reader.readWorkflow(path, root) };
}

function parseErrorFinding(path: string, line: number, reason: string): SupplyChainFinding {
  return {
    kind: 'workflow-parse-error',
    severity: 'warning',
    file: path,
    line,
    message: `workflow could not be parsed: ${reason}`,
  };
}

/** Walks the YAML tree once, turning nodes into plain located values. */
class NodeReader {
  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  readWorkflow(path: string, root: YAMLMap): WorkflowModel {
    const on = this.entry(root, 'on');
    const jobsNode = this.resolve(this.entry(root, 'jobs')?.value ?? null);
    const jobs: WorkflowJob[] = [];
    if (isMap(jobsNode)) {
      for (const pair of jobsNode.items) {
        const jobNode = this.resolve(pair.value as Node | null);
        if (!isMap(jobNode)) continue;
        jobs.push(this.readJob(String(this.scalarValue(pair.key as Node) ?? ''), this.lineOf(pair.key as Node), jobNode));
      }
    }
    return {
      path,
      triggers: on ? this.readTriggers(this.resolve(on.value)) : [],
      permissions: this.readPermissions(root),
      jobs,
    };
  }

  private readJob(id: string, line: number, job: YAMLMap): WorkflowJob {
    const stepsNode = this.resolve(this.entry(job, 'steps')?.value ?? null);
    const steps: WorkflowStep[] = [];
    if (isSeq(stepsNode)) {
      for (const item of stepsNode.items) {
        const step = this.resolve(item as Node);
        if (isMap(step)) steps.push(this.readStep(step));
      }
    }
    const uses = this.entry(job, 'uses');
    return {
      id,
      line,
      permissions: this.readPermissions(job),
      uses: uses ? this.readUses(uses.value) : null,
      steps,
    };
  }

  private readStep(step: YAMLMap): WorkflowStep {
    const uses = this.entry(step, 'uses');
    const run = this.entry(step, 'run');
    const withNode = this.resolve(this.entry(step, 'with')?.value ?? null);
    const inputs: Record<string, Located<string>> = {};
    if (isMap(withNode)) {
      for (const pair of withNode.items) {
        const value = this.resolve(pair.value as Node | null);
        const key = this.scalarValue(pair.key as Node);
        if (key === null || !isScalar(value) || value.value === null) continue;
        inputs[String(key)] = { value: String(value.value), line: this.lineOf(value) };
      }
    }
    const script = isMap(withNode) ? this.entry(withNode, 'script') : null;
    return {
      line: this.lineOf(step),
      uses: uses ? this.readUses(uses.value) : null,
      run: run ? this.readScript(run.value) : null,
      with: inputs,
      scriptInput: script ? this.readScript(script.value) : null,
    };
  }

  private readUses(node: unknown): WorkflowStep['uses'] {
    if (isAlias(node)) return { value: '', line: this.lineOf(node), alias: true };
    if (!isScalar(node) || node.value === null) return null;
    return { value: String(node.value).trim(), line: this.lineOf(node), alias: false };
  }

  private readScript(node: unknown): ScriptSource | null {
    const resolved = this.resolve(node as Node | null);
    if (!isScalar(resolved) || resolved.value === null || !resolved.range) return null;
    const [start, end] = resolved.range;
    const firstLine = this.lines.linePos(start).line;
    const raw = this.text.slice(start, end);
    return {
      value: String(resolved.value),
      line: firstLine,
      sourceLines: raw.split(/\r?\n/).map((text, i) => ({ line: firstLine + i, text })),
    };
  }

  private readTriggers(node: Node | null): string[] {
    if (isScalar(node) && node.value !== null) return [String(node.value)];
    if (isSeq(node)) return node.items.map((item) => this.scalarValue(item as Node)).filter(isPresent).map(String);
    if (isMap(node)) return node.items.map((pair) => this.scalarValue(pair.key as Node)).filter(isPresent).map(String);
    return [];
  }

  private readPermissions(owner: YAMLMap): PermissionsDeclaration | null {
    const pair = this.entry(owner, 'permissions');
    if (!pair) return null;
    const line = this.lineOf(pair.key as Node);
    const value = this.resolve(pair.value as Node | null);
    if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
      return { line, all: null, scopes: [] };
    }
    if (isScalar(value)) return { line, all: { value: String(value.value), line: this.lineOf(value) }, scopes: [] };
    const scopes: PermissionsDeclaration['scopes'] = [];
    if (isMap(value)) {
      for (const scope of value.items) {
        const name = this.scalarValue(scope.key as Node);
        const level = this.scalarValue(this.resolve(scope.value as Node | null));
        if (name === null) continue;
        scopes.push({ scope: String(name), value: String(level ?? ''), line: this.lineOf(scope.key as Node) });
      }
    }
    return { line, all: null, scopes };
  }

  private entry(map: YAMLMap, key: string) {
    return map.items.find((pair) => this.scalarValue(pair.key as Node) === key) ?? null;
  }

  private resolve(node: Node | unknown | null): Node | null {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  private scalarValue(node: Node | null): unknown {
    return isScalar(node) ? node.value : null;
  }

  private lineOf(node: Node | unknown): number {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    return range ? this.lines.linePos(range[0]).line : 0;
  }
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** One node of a V8 `.cpuprofile` (what `node --cpu-prof` writes). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function (or of one package, when grouped), in milliseconds and as a share of the profile. */
export interface SelfTime {
  name: string;
  selfMs: number;
  share: number;
}

/** Where a frame comes from: a package under node_modules, a file of the app, node's internals, or V8 itself. */
export function nameSource(url: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const app = /\/dist\/(.+)$/.exec(url);
  if (app) return `app:${app[1]}`;
  if (url.startsWith('node:')) return url;
  return url === '' ? '(v8)' : url;
}

/**
 * Adds up each sample's time on the function it was taken in (self time), keyed by `by`: `function` (name, file and
 * line) or `source` (package or app file). The idle and garbage-collector pseudo-frames keep their own names.
 */
export function computeSelfTimes(profile: CpuProfile, by: 'function' | 'source' | 'app-caller'): SelfTime[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  /** The nearest frame of the app's own code at or above a sample: whose work the sample was, library time included. */
  const appCaller = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const { functionName, url, lineNumber } = nodes.get(at)!.callFrame;
      if (url.includes('/dist/') && !url.includes('node_modules')) return `${functionName || '(anonymous)'} ${nameSource(url)}:${lineNumber + 1}`;
    }
    return nodes.get(id)!.callFrame.functionName.startsWith('(') ? nodes.get(id)!.callFrame.functionName : '(no app frame)';
  };
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index + 1] ?? 0) / 1_000;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const key =
      by === 'app-caller'
        ? appCaller(id)
        : by === 'source'
          ? functionName.startsWith('(') ? functionName : nameSource(url)
          : `${functionName || '(anonymous)'} ${nameSource(url)}:${lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + delta);
    all += delta;
  });
  return [...totals]
    .map(([name, selfMs]) => ({ name, selfMs, share: all === 0 ? 0 : selfMs / all }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

/**
 * `node dist/loadtest/top-self-time.js FILE.cpuprofile…`: the top 15 sources, the top 25 functions by self time, and
 * the top 25 app functions by the time of the samples they were the nearest app frame of (library work they caused).
 */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of process.argv.slice(2)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(`\n${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled`);
    for (const by of ['source', 'function', 'app-caller'] as const) {
      console.log(`  by ${by}:`);
      for (const { name, selfMs, share } of computeSelfTimes(profile, by).slice(0, by === 'source' ? 15 : 25)) {
        console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${selfMs.toFixed(0).padStart(7)} ms  ${name}`);
      }
      console.log('');
    }
  }
}

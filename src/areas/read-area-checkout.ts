import { execFile } from 'node:child_process';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CODEOWNERS_LOCATIONS } from './codeowners/locate-codeowners-file.js';
import { OWNERS_ALIASES_FILENAME, OWNERS_FILENAME } from './owners/load-repo-owners.js';
import { AREA_CONFIG_FILE } from './touches-area-sources.js';

const run = promisify(execFile);

/** A local checkout's area sources, in the shape the app reads from the API. */
export interface AreaCheckout {
  /** `git ls-files`: every tracked path. */
  paths: string[];
  /** CODEOWNERS candidates, OWNERS files (symbolic links excluded, as prow's walk skips them) and the root OWNERS_ALIASES that are tracked, by path. */
  files: Map<string, string>;
  /** `.github/fallacy-watch.yml`, `null` when not tracked. */
  config: string | null;
}

/**
 * Reads a git checkout (I/O adapter): lists tracked files with `git ls-files -z` and reads the area files. An OWNERS
 * file that is a symbolic link is not read: prow's walk only loads regular files.
 */
export async function readAreaCheckout(dir: string): Promise<AreaCheckout> {
  const { stdout } = await run('git', ['-C', dir, 'ls-files', '-z'], { maxBuffer: 512 * 1024 * 1024 });
  const paths = stdout.split('\0').filter((path) => path !== '');
  const wanted = paths.filter((path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return (CODEOWNERS_LOCATIONS as readonly string[]).includes(path) || path === OWNERS_ALIASES_FILENAME || name === OWNERS_FILENAME;
  });
  const read = (path: string) => readFile(join(dir, path), 'utf8').catch(() => null);
  const files = new Map<string, string>();
  for (const path of wanted) {
    if (basenameOf(path) === OWNERS_FILENAME && (await isSymbolicLink(join(dir, path)))) continue;
    const content = await read(path);
    if (content !== null) files.set(path, content);
  }
  const config = paths.includes(AREA_CONFIG_FILE) ? await read(AREA_CONFIG_FILE) : null;
  return { paths, files, config };
}

function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

async function isSymbolicLink(path: string): Promise<boolean> {
  return lstat(path).then((stats) => stats.isSymbolicLink(), () => false);
}

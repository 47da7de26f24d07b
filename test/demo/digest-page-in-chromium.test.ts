import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.js';

const CHROMIUM = '/usr/bin/chromium';
const run = promisify(execFile);

/** Headless Chromium on a page: its DOM after load, the console messages it logged, or a screenshot. */
async function openInChromium(dir: string, page: string, extra: string[] = []): Promise<{ dom: string; console: string[] }> {
  const { stdout, stderr } = await run(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars', '--enable-logging=stderr', '--v=0', `--user-data-dir=${join(dir, 'profile')}`, ...extra, pathToFileURL(page).href],
    { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { dom: stdout, console: stderr.split('\n').filter((line) => line.includes(':CONSOLE')) };
}

describe.skipIf(!existsSync(CHROMIUM))('the digest page in headless Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-chromium-'));
    await runDemo({ outDir: dir });
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('renders without console errors and shows the tables and the chart', async () => {
    const { dom, console } = await openInChromium(dir, join(dir, 'digest.html'), ['--dump-dom']);
    expect(console).toEqual([]);
    expect(dom).toContain('<h1>Community health digest — week of 2026-11-23</h1>');
    expect(dom.match(/<table>/g)!.length).toBeGreaterThanOrEqual(5);
    expect(dom).toMatch(/<figure class="chart"><svg [^>]*>[\s\S]*<polyline class="line" points="[\d.]+,[\d.]+( [\d.]+,[\d.]+){3,}"/);
    expect(dom).not.toContain('```mermaid');
  }, 90_000);

  it('would report a page that breaks its own policy (the console check can fail)', async () => {
    const bad = join(dir, 'bad.html');
    await writeFile(bad, (await readFile(join(dir, 'digest.html'), 'utf8')).replace('</main>', '<img src="https://example.invalid/x.png"></main>'));
    const { console } = await openInChromium(dir, bad, ['--dump-dom']);
    expect(console.join('\n')).toContain('Content Security Policy');
  }, 90_000);

  it('takes a screenshot of the rendered page', async () => {
    const png = join(dir, 'digest.png');
    await openInChromium(dir, join(dir, 'digest.html'), ['--window-size=1000,1400', `--screenshot=${png}`]);
    const image = await readFile(png);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([1000, 1400]);
  }, 90_000);
});

if (!existsSync(CHROMIUM)) {
  describe('the digest page in headless Chromium', () => {
    it.skip(`needs ${CHROMIUM} (Debian's chromium package; .ci/run installs it)`, () => undefined);
  });
}

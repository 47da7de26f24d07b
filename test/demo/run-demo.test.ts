import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRun, runDemo } from '../../src/demo/run-demo.js';
import { FALLACY_NAMES } from '../../src/render/index.js';
import { runCli } from '../helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const execFileAsync = promisify(execFile);

/** Headless Chromium on a page (its profile in `scratch`): its DOM after load, the console messages it logged, or a screenshot. */
async function openInChromium(scratch: string, page: string, extra: string[] = []): Promise<{ dom: string; console: string[] }> {
  const { stdout, stderr } = await execFileAsync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars', '--enable-logging=stderr', '--v=0', `--user-data-dir=${join(scratch, 'profile')}`, ...extra, pathToFileURL(page).href],
    { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { dom: stdout, console: stderr.split('\n').filter((line) => line.includes(':CONSOLE')) };
}

describe('fallacy-watch demo', () => {
  let dir: string;
  let run: DemoRun;
  let stdout: string;
  const read = (name: string) => readFile(join(dir, name), 'utf8');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-test-'));
    stdout = await runCli(['demo', '--out', join(dir, 'cli'), '--deliveries', join(dir, 'deliveries.jsonl'), '--database', `sqlite:${join(dir, 'kept.db')}`]);
    run = await runDemo({ outDir: dir });
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes its deliveries for replay: replay then report shows the same community with findings', async () => {
    const database = `sqlite:${join(dir, 'replayed.db')}`;
    const counts = JSON.parse(await runCli(['replay', join(dir, 'deliveries.jsonl'), '--json', '--database', database]));
    expect(counts).toEqual({ new: run.ingested.deliveries, duplicate: 0, skipped: 0, failed: 0 });
    const report = JSON.parse(await runCli(['report', 'kube-widgets/kube-widgets', '--json', '--to', '2026-11-23', '--database', database]));
    expect(report.repository).toBe('kube-widgets/kube-widgets');
    expect(report.findings.length).toBeGreaterThan(3);
    expect(stdout).toContain(`replay ${join(dir, 'deliveries.jsonl')}`);
  });

  it('keeps its store with --database: report works on it right after', async () => {
    const report = JSON.parse(await runCli(['report', 'kube-widgets/kube-widgets', '--json', '--to', '2026-11-23', '--database', `sqlite:${join(dir, 'kept.db')}`]));
    expect(report.findings.length).toBeGreaterThan(3);
    expect(stdout).toContain(`report kube-widgets/kube-widgets --to 2026-11-23 --database sqlite:${join(dir, 'kept.db')}`);
  });

  it('feeds every delivery through the app without a failure and answers every API request the app makes', () => {
    expect(run.ingested.deliveries).toBeGreaterThan(1000);
    expect(run.ingested.failed).toBe(0);
    expect(run.unanswered).toEqual([]);
  });

  it('writes the check run, PR comment and digest markdown, their HTML pages and the report', async () => {
    for (const name of ['check-run.md', 'pr-comment.md', 'digest.md', 'check-run.html', 'pr-comment.html', 'digest.html', 'report.json']) {
      expect((await read(name)).length, name).toBeGreaterThan(500);
    }
  });

  it('names all eight fallacies in the digest, each with findings from the real rules', async () => {
    const digest = await read('digest.md');
    for (const fallacy of FALLACY_NAMES) {
      expect(digest, fallacy.name).toContain(`#### ${fallacy.number}. ${fallacy.name}`);
      expect(run.report.findings.some((finding) => finding.rule === fallacy.rule), fallacy.rule).toBe(true);
    }
    expect(digest).toContain('```mermaid\nxychart-beta');
  });

  it('publishes the digest the app built, not a copy: the file is the issue body the app posted', async () => {
    const digest = await read('digest.md');
    expect(digest).toBe(`# ${run.published.digest!.title}\n\n${run.published.digest!.body}\n`);
    expect(run.published.digest!.title).toBe('Community health digest — week of 2026-11-23');
  });

  it('shows the showcase pull request’s check run with its areas, supply-chain annotations and a neutral conclusion', async () => {
    const checkRun = run.published.checkRun!;
    expect(checkRun.conclusion).toBe('neutral');
    expect(checkRun.summary).toContain('sig/storage');
    expect(checkRun.annotations.some((a) => a.path === '.github/workflows/pr-triage.yml')).toBe(true);
    expect(await read('check-run.md')).toContain('### Annotations');
  });

  it('welcomes the newcomer, names the disagreement and the supply-chain risk in the sticky comment', async () => {
    const comment = await read('pr-comment.md');
    expect(comment).toContain('first pull request here');
    expect(comment).toContain('bjorn approved this pull request while olga requested changes');
    expect(comment).toContain('.github/workflows/pr-triage.yml');
    expect(comment).not.toMatch(/@\w/);
  });

  it('finds the engineered situations in the data: an overloaded reviewer and an understaffed area', () => {
    const amara = run.report.reviewers.find((reviewer) => reviewer.login === 'amara')!;
    expect(amara.open_review_requests).toBeGreaterThan(10);
    const storage = run.report.areas.find((area) => area.area === 'sig/storage')!;
    expect(storage.source).toBe('owners');
    expect(storage.metrics.reviewer_absence_factor).toBe(1);
    expect(run.report.areas.filter((area) => area.area.startsWith('sig/')).length).toBeGreaterThanOrEqual(5);
  });

  it('is reproducible: the CLI run with the default seed wrote the same digest', async () => {
    expect(await readFile(join(dir, 'cli', 'digest.md'), 'utf8')).toBe(await read('digest.md'));
    expect(stdout).toContain('Fallacies found: 1. timelines, 2. feedback loops');
    expect(stdout).toContain('digest.html');
  });

  // The pages of this same run (one demo run fewer than a file of its own), opened as a reader's browser would.
  describe.skipIf(!existsSync(CHROMIUM))('the digest page in headless Chromium', () => {
    let scratch: string;
    beforeAll(async () => {
      scratch = join(dir, 'chromium');
      await mkdir(scratch);
    });

    it('renders without console errors and shows the tables and the chart', async () => {
      const { dom, console } = await openInChromium(scratch, join(dir, 'digest.html'), ['--dump-dom']);
      expect(console).toEqual([]);
      expect(dom).toContain('<h1>Community health digest — week of 2026-11-23</h1>');
      expect(dom.match(/<table>/g)!.length).toBeGreaterThanOrEqual(5);
      expect(dom).toMatch(/<figure class="chart"><svg [^>]*>[\s\S]*<polyline class="line" points="[\d.]+,[\d.]+( [\d.]+,[\d.]+){3,}"/);
      expect(dom).not.toContain('```mermaid');
    }, 90_000);

    it('would report a page that breaks its own policy (the console check can fail)', async () => {
      const bad = join(dir, 'bad.html');
      await writeFile(bad, (await readFile(join(dir, 'digest.html'), 'utf8')).replace('</main>', '<img src="https://example.invalid/x.png"></main>'));
      const { console } = await openInChromium(scratch, bad, ['--dump-dom']);
      expect(console.join('\n')).toContain('Content Security Policy');
    }, 90_000);

    it('takes a screenshot of the rendered page', async () => {
      const png = join(scratch, 'digest.png');
      await openInChromium(scratch, join(dir, 'digest.html'), ['--window-size=1000,1400', `--screenshot=${png}`]);
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
});

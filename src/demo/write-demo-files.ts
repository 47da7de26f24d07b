import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../report/types.js';
import type { DemoCommunity } from './build-demo-community.js';
import type { PublishedOutputs } from './read-published-outputs.js';
import { renderCheckRunMarkdown } from './render-check-run-markdown.js';
import { renderMarkdownPage } from './render-markdown-page.js';

/**
 * Writes what the app posted to `outDir` (created when missing): `check-run.md`, `pr-comment.md`, `digest.md`, the
 * same three as standalone HTML pages, and `report.json`. Returns the paths written, in that order.
 */
export async function writeDemoFiles(outDir: string, community: DemoCommunity, published: PublishedOutputs, report: Report): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const { repository, showcase } = community;
  const pr = `${repository.fullName} pull request ${showcase.number}`;
  const checkRun = published.checkRun ? renderCheckRunMarkdown(published.checkRun, { repository: repository.fullName, pullRequest: showcase.number }) : '';
  const prComment = published.prComment
    ? `<!-- The sticky comment fallacy-watch keeps on ${pr}. -->\n\n${published.prComment}\n`
    : `<!-- No comment on ${pr}: nothing its author has to know. -->\n`;
  const digest = published.digest ? `# ${published.digest.title}\n\n${published.digest.body}\n` : '';
  const files: Array<[string, string]> = [
    ['check-run.md', checkRun],
    ['pr-comment.md', prComment],
    ['digest.md', digest],
    ['check-run.html', renderMarkdownPage(checkRun, { title: `Community health — ${pr}` })],
    ['pr-comment.html', renderMarkdownPage(prComment, { title: `fallacy-watch comment — ${pr}` })],
    ['digest.html', renderMarkdownPage(digest, { title: published.digest?.title ?? 'Community health digest' })],
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    await writeFile(path, content, 'utf8');
    written.push(path);
  }
  return written;
}

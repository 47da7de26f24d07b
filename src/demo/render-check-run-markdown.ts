import { CHECK_RUN_NAME, type CheckRunOutput, escapeMarkdown } from '../render/index.js';

const CONCLUSION_ICONS: Record<CheckRunOutput['conclusion'], string> = { success: '✅', neutral: '➖', failure: '❌' };

/**
 * A check run's output as one markdown page, laid out the way GitHub's "Checks" tab shows it: the name, conclusion
 * and title, the summary, the details text, and the line annotations (plain text, so escaped here). Pure.
 */
export function renderCheckRunMarkdown(output: CheckRunOutput, context: { repository: string; pullRequest: number }): string {
  const lines = [
    `# ${CONCLUSION_ICONS[output.conclusion]} ${CHECK_RUN_NAME}: ${escapeMarkdown(output.title)}`,
    '',
    `<sub>Check run on ${escapeMarkdown(context.repository)} pull request ${context.pullRequest} · conclusion: **${output.conclusion}**</sub>`,
    '',
    output.summary,
  ];
  if (output.text !== undefined) lines.push('', '---', '', output.text);
  if (output.annotations.length > 0) {
    lines.push('', '---', '', `### Annotations (${output.annotations.length})`, '', '| level | file | line | annotation |', '| --- | --- | ---: | --- |');
    for (const a of output.annotations) {
      const lineRange = a.start_line === a.end_line ? `${a.start_line}` : `${a.start_line}–${a.end_line}`;
      lines.push(`| ${a.annotation_level} | ${escapeMarkdown(a.path)} | ${lineRange} | **${escapeMarkdown(a.title)}** ${escapeMarkdown(a.message)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

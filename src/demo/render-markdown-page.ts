import { convertMarkdownToHtml } from './markdown/convert-markdown-to-html.js';
import { escapeHtml } from './markdown/escape-html.js';

/** GitHub-like styling, inline: the page loads nothing (its Content-Security-Policy forbids it). */
const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f8fa; color: #1f2328; font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 980px; margin: 24px auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 32px 40px; }
h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
h1 { font-size: 2em; margin-top: 0; } h2 { font-size: 1.5em; } h3 { font-size: 1.25em; } h4 { font-size: 1em; }
h1, h2, h3, h4 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
p, ul, ol, table, pre, blockquote, details, figure { margin: 0 0 16px; }
ul, ol { padding-left: 2em; } li + li { margin-top: .25em; } li > ul, li > ol { margin: .25em 0 0; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { font-weight: 600; background: #f6f8fa; }
tr:nth-child(2n) td { background: #f6f8fa; }
code { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; } pre code { background: none; padding: 0; }
hr { height: .25em; background: #d1d9e0; border: 0; margin: 24px 0; }
blockquote { color: #59636e; border-left: .25em solid #d1d9e0; padding: 0 1em; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
sub { font-size: 85%; color: #59636e; vertical-align: baseline; }
summary { cursor: pointer; font-weight: 600; }
figure.chart { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px; width: max-content; max-width: 100%; }
figure.chart svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
`;

/**
 * A standalone HTML page of rendered markdown, as GitHub would show an issue or check-run body: UTF-8, inline
 * styles, mermaid xy-charts drawn as inline SVG, and a Content-Security-Policy that allows no script and no network
 * request, so the page opens offline and identically anywhere. Pure.
 */
export function renderMarkdownPage(markdown: string, options: { title: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="markdown-body">
${convertMarkdownToHtml(markdown)}
</main>
</body>
</html>
`;
}

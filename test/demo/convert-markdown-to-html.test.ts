import { describe, expect, it } from 'vitest';
import { convertMarkdownToHtml } from '../../src/demo/markdown/convert-markdown-to-html.js';
import { escapeMarkdown } from '../../src/render/index.js';

describe('convertMarkdownToHtml', () => {
  it('renders headings, paragraphs and horizontal rules', () => {
    expect(convertMarkdownToHtml('# Title\n\nOne line\nand its continuation.\n\n---\n\n### Part')).toBe(
      '<h1>Title</h1>\n<p>One line\nand its continuation.</p>\n<hr>\n<h3>Part</h3>',
    );
  });

  it('renders a pipe table with the delimiter row’s alignment', () => {
    const html = convertMarkdownToHtml('| metric | now |\n| --- | ---: |\n| PRs | 12 |\n| Reviews | 3 |');
    expect(html).toBe(
      '<table>\n<thead><tr><th>metric</th><th style="text-align:right">now</th></tr></thead>\n<tbody>\n' +
        '<tr><td>PRs</td><td style="text-align:right">12</td></tr>\n<tr><td>Reviews</td><td style="text-align:right">3</td></tr>\n</tbody>\n</table>',
    );
  });

  it('keeps an escaped pipe inside its cell, as GFM does', () => {
    expect(convertMarkdownToHtml('| a | b |\n| - | - |\n| x \\| y | z |')).toContain('<td>x | y</td><td>z</td>');
  });

  it('nests lists by indentation and keeps numbered lists apart', () => {
    expect(convertMarkdownToHtml('- one\n  - one.a\n- two\n\n1. first\n2. second')).toBe(
      '<ul>\n<li>one\n<ul>\n<li>one.a</li>\n</ul></li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
    );
  });

  it('renders emphasis, code spans, strikethrough and safe links', () => {
    expect(convertMarkdownToHtml('**bold** and *it* and `a<b>` and ~~gone~~ and [docs](https://example.org/x?a=1&b=2)')).toBe(
      '<p><strong>bold</strong> and <em>it</em> and <code>a&lt;b&gt;</code> and <del>gone</del> and <a href="https://example.org/x?a=1&amp;b=2">docs</a></p>',
    );
  });

  it('drops a javascript: link target and keeps its text', () => {
    expect(convertMarkdownToHtml('[click](javascript:alert(1))')).not.toContain('href');
  });

  it('escapes raw HTML other than a few attribute-free inline tags, and drops comments', () => {
    const html = convertMarkdownToHtml('<!-- hidden marker -->\n\n<sub>small</sub> <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).toBe('<p><sub>small</sub> &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('shows text that went through escapeMarkdown as the same text, never as markup', () => {
    const hostile = '<b onclick=x>*Fix* `a` [x](javascript:y) | @alice #12 & more_of_it';
    const html = convertMarkdownToHtml(`| title |\n| --- |\n| ${escapeMarkdown(hostile)} |`);
    const cell = /<td>(.*)<\/td>/.exec(html)![1]!;
    expect(cell.replace(/\u200d|\u200b/g, '')).toBe(
      '&lt;b onclick=x&gt;*Fix* `a` [x](javascript:y) | @alice #12 &amp; more_of_it',
    );
  });

  it('passes entities through and escapes a bare ampersand', () => {
    expect(convertMarkdownToHtml('AT&amp;T &lt;tag&gt; & co')).toBe('<p>AT&amp;T &lt;tag&gt; &amp; co</p>');
  });

  it('renders details with a summary, and markdown inside them', () => {
    expect(convertMarkdownToHtml('<details>\n<summary>More *detail*</summary>\n\n- a\n\n</details>')).toBe(
      '<details>\n<summary>More <em>detail</em></summary>\n<ul>\n<li>a</li>\n</ul>\n</details>',
    );
  });

  it('renders fenced code escaped, and a mermaid xy-chart as an inline SVG', () => {
    expect(convertMarkdownToHtml('```yaml\non: <push>\n```')).toBe('<pre><code class="language-yaml">on: &lt;push&gt;</code></pre>');
    const chart = convertMarkdownToHtml('```mermaid\nxychart-beta\n    x-axis ["a", "b"]\n    line [1, 2]\n```');
    expect(chart).toMatch(/^<figure class="chart"><svg [^>]*>.*<polyline/);
  });

  it('shows a mermaid block it cannot draw as code', () => {
    expect(convertMarkdownToHtml('```mermaid\ngraph TD; A-->B\n```')).toBe('<pre><code class="language-mermaid">graph TD; A--&gt;B</code></pre>');
  });
});

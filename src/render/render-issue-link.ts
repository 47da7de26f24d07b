/** A plain markdown link to an issue's URL, with text that is not itself a `#N` reference; plain text for a URL that is not http(s). */
export function renderIssueLink(issue: { number: number; url: string }): string {
  const text = `issue ${Math.trunc(issue.number)}`;
  try {
    const url = new URL(issue.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return text;
    return `[${text}](${url.href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
  } catch {
    return text;
  }
}

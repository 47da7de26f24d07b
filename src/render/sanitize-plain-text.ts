/**
 * Control characters that could reorder, hide or restyle text: C0 and C1 controls (the terminal escape `ESC`
 * among them), DEL, and the Unicode bidirectional overrides and isolates ("Trojan Source").
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Every kind of line break, so one piece of user text always stays on one line. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * One line of plain text from user-controlled input, for places that do not render markdown (a check run's
 * title, annotation messages, the terminal): control characters are removed, line breaks and tabs become spaces,
 * and text longer than `maxLength` code points is cut with an ellipsis.
 */
export function sanitizePlainText(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const oneLine = text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROL_CHARACTERS, '');
  return truncateText(oneLine, maxLength);
}

/**
 * Cuts `text` to at most `maxLength` code points (never halving a surrogate pair), ending with `…` when cut. The cut
 * falls at a word boundary (the last space in the kept part, trailing punctuation dropped), unless that would keep
 * less than half of it: one very long word is then cut inside.
 */
export function truncateText(text: string, maxLength: number): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= maxLength) return text;
  if (maxLength <= 1) return '…'.slice(0, Math.max(0, maxLength));
  const kept = codePoints.slice(0, maxLength - 1);
  const nextIsSpace = /\s/.test(codePoints[maxLength - 1] ?? '');
  let end = kept.length;
  if (!nextIsSpace) {
    const space = kept.findLastIndex((char) => /\s/.test(char));
    if (space >= kept.length / 2) end = space;
  }
  return `${kept.slice(0, end).join('').trimEnd().replace(/[\s,;:(\-–—]+$/u, '')}…`;
}

import { formatDecimal } from './format-figure.js';

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** `1 finding`, `3 findings`; pass `plural` for irregular nouns (`fallacy`, `fallacies`). */
export function pluralize(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatDecimal(count, 0)} ${count === 1 ? noun : plural}`;
}

import { formatDecimal } from './format-figure.js';

/** GitHub's limit for an issue or comment body. */
export const GITHUB_BODY_LIMIT = 65_536;
/** GitHub's limit for a check run's `output.summary` and `output.text`. */
export const CHECK_RUN_TEXT_LIMIT = 65_535;

/**
 * One part of a rendered body. The first section given to `fitBody` is the header: the cut note goes right
 * after it.
 */
export interface BodySection {
  /** What the cut note calls the section, e.g. `the reviewer load table`. */
  label: string;
  /** Sections of one kind, counted together in the note (`3 of 12 area tables`); the plural noun. */
  group?: string;
  /** Higher is kept longer. Sections of equal importance are dropped from the last one up. */
  importance: number;
  /** Never dropped (its rows can still be shortened). */
  required?: boolean;
  /** Markdown before the rows: heading, intro, table header. */
  head: string;
  /** Table rows or list items, most important first, that may be cut from the end. */
  rows?: string[];
  /** Markdown after the rows. */
  tail?: string;
}

export interface FitOptions {
  /** GitHub's limit for this body, in UTF-8 bytes (the note quotes it); default `GITHUB_BODY_LIMIT`. */
  limit?: number;
  /** Bytes kept free for what the caller adds around the fitted body (hidden markers). */
  reserve?: number;
}

export interface FittedBody {
  body: string;
  /** Labels of the sections left out, least important first. */
  dropped: string[];
  /** Sections whose rows were cut: how many of how many are shown. */
  shortened: { label: string; shown: number; total: number }[];
  /** Whether the body still had to be cut at the limit (only when the required parts alone are too long). */
  hardCut: boolean;
}

interface Plan {
  included: boolean[];
  /** Indexes of dropped sections, in the order they were dropped. */
  dropOrder: number[];
  rowsShown: number[];
  hardCut: boolean;
}

/**
 * Joins sections into one markdown body no larger than `limit` UTF-8 bytes. When the whole does not fit it drops
 * the least important optional sections first, then shortens the rows of the remaining sections (least important
 * first), and as a last resort cuts the text; a visible note after the header says what was left out.
 *
 * Size is measured in UTF-8 bytes, not characters: GitHub documents "characters" but enforces a byte count for
 * check runs (github/rest-api-description#5399), and bytes are never fewer than characters, so the body fits
 * either way.
 */
export function fitBody(sections: readonly BodySection[], options: FitOptions = {}): FittedBody {
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  const budget = limit - (options.reserve ?? 0);
  const plan: Plan = {
    included: sections.map(() => true),
    dropOrder: [],
    rowsShown: sections.map((section) => section.rows?.length ?? 0),
    hardCut: false,
  };
  const fullSizes = sections.map((section) => measureBytes(renderSection(section, section.rows?.length ?? 0)));
  const sizeOf = (index: number): number => {
    const section = sections[index]!;
    const shown = plan.rowsShown[index] ?? 0;
    return shown === (section.rows?.length ?? 0) ? fullSizes[index]! : measureBytes(renderSection(section, shown));
  };
  /** Sizes are added up per section, so trying a plan never joins the whole (possibly megabytes long) body. */
  const fits = () => {
    let total = 0;
    let parts = 0;
    sections.forEach((_, index) => {
      if (!plan.included[index]) return;
      total += sizeOf(index);
      parts += 1;
    });
    const note = renderCutNote(sections, plan, limit);
    if (note) {
      total += measureBytes(note);
      parts += 1;
    }
    return total + 2 * Math.max(parts - 1, 0) <= budget;
  };
  if (fits()) return result(sections, plan, limit, budget);

  const byImportance = sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => a.section.importance - b.section.importance || b.index - a.index);

  for (const { section, index } of byImportance) {
    if (section.required || index === 0) continue;
    plan.included[index] = false;
    plan.dropOrder.push(index);
    if (fits()) return result(sections, plan, limit, budget);
  }

  // Shorten rows one importance level at a time, least important first; within a level every section gets the
  // same cap on its rows, so ten findings groups keep a few findings each rather than one group keeping them all.
  const levels = [...new Set(byImportance.map(({ section }) => section.importance))];
  for (const importance of levels) {
    const indexes = byImportance
      .filter(({ section, index }) => section.importance === importance && plan.included[index] && (section.rows?.length ?? 0) > 0)
      .map(({ index }) => index);
    if (indexes.length === 0) continue;
    const totals = indexes.map((index) => sections[index]!.rows!.length);
    const applyCap = (cap: number) => indexes.forEach((index, i) => (plan.rowsShown[index] = Math.min(totals[i]!, cap)));
    let low = 0;
    let high = Math.max(...totals) - 1;
    let best = -1;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      applyCap(middle);
      if (fits()) {
        best = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    applyCap(Math.max(best, 0));
    if (best >= 0) return result(sections, plan, limit, budget);
  }

  plan.hardCut = true;
  return result(sections, plan, limit, budget);
}

function result(sections: readonly BodySection[], plan: Plan, limit: number, budget: number): FittedBody {
  return {
    body: assemble(sections, plan, limit, budget),
    dropped: plan.dropOrder.map((index) => sections[index]!.label),
    shortened: shortenedSections(sections, plan),
    hardCut: plan.hardCut,
  };
}

function shortenedSections(sections: readonly BodySection[], plan: Plan): FittedBody['shortened'] {
  return sections.flatMap((section, index) => {
    const total = section.rows?.length ?? 0;
    const shown = plan.rowsShown[index] ?? total;
    return plan.included[index] && shown < total ? [{ label: section.label, shown, total }] : [];
  });
}

function assemble(sections: readonly BodySection[], plan: Plan, limit: number, budget: number): string {
  const parts = sections.flatMap((section, index) =>
    plan.included[index] ? [renderSection(section, plan.rowsShown[index] ?? 0)] : [],
  );
  const note = renderCutNote(sections, plan, limit);
  if (!note) return parts.join('\n\n');
  const [header = '', ...rest] = parts;
  if (!plan.hardCut) return [header, note, ...rest].join('\n\n');
  const prefix = `${header}\n\n${note}\n\n`;
  const room = budget - measureBytes(prefix);
  if (room < 0) return cutToBytes(`${note}\n\n${header}`, budget);
  return prefix + cutToBytes(rest.join('\n\n'), room);
}

function renderSection(section: BodySection, rowsShown: number): string {
  const rows = section.rows ?? [];
  const lines = [section.head, ...rows.slice(0, rowsShown)];
  const hidden = rows.length - rowsShown;
  if (hidden > 0) lines.push('', `_… and ${formatDecimal(hidden, 0)} more not shown._`);
  const body = lines.filter((line, index) => index > 0 || line !== '').join('\n');
  return section.tail ? `${body}\n${section.tail}` : body;
}

/** The visible note of what was cut, or `''` when nothing was. */
function renderCutNote(sections: readonly BodySection[], plan: Plan, limit: number): string {
  const groupTotals = new Map<string, number>();
  for (const section of sections) if (section.group) groupTotals.set(section.group, (groupTotals.get(section.group) ?? 0) + 1);
  const droppedPerGroup = new Map<string, number>();
  const leftOut: (string | { group: string })[] = [];
  for (const index of plan.dropOrder) {
    const section = sections[index]!;
    if (!section.group) leftOut.push(section.label);
    else {
      if (!droppedPerGroup.has(section.group)) leftOut.push({ group: section.group });
      droppedPerGroup.set(section.group, (droppedPerGroup.get(section.group) ?? 0) + 1);
    }
  }
  const leftOutText = leftOut.map((entry) =>
    typeof entry === 'string' ? entry : `${droppedPerGroup.get(entry.group)} of ${groupTotals.get(entry.group)} ${entry.group}`,
  );
  const shortened = shortenedSections(sections, plan).map(
    (s) => `${s.label} (${formatDecimal(s.shown, 0)} of ${formatDecimal(s.total, 0)} shown)`,
  );
  if (leftOutText.length === 0 && shortened.length === 0 && !plan.hardCut) return '';
  const sentences = [`Shortened to fit GitHub's ${formatDecimal(limit, 0)}-character limit.`];
  if (leftOutText.length > 0) sentences.push(`Left out: ${leftOutText.join(', ')}.`);
  if (shortened.length > 0) sentences.push(`Shortened: ${shortened.join(', ')}.`);
  if (plan.hardCut) sentences.push('The end of this text is cut off.');
  return `> [!NOTE]\n> ${sentences.join(' ')}`;
}

/** Size in UTF-8 bytes. */
export function measureBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` within `budget` UTF-8 bytes, cut at a line end when one is near, marked `…`. */
function cutToBytes(text: string, budget: number): string {
  const ellipsis = '\n…';
  const room = budget - measureBytes(ellipsis);
  if (room <= 0) return '';
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = measureBytes(char);
    if (bytes + size > room) break;
    bytes += size;
    end += char.length;
  }
  if (end === text.length) return text;
  const lineEnd = text.lastIndexOf('\n', end);
  const cut = lineEnd > end * 0.9 ? lineEnd : end;
  return text.slice(0, cut) + ellipsis;
}

import { escapeHtml } from './escape-html.js';

/** A parsed mermaid `xychart-beta`: the subset fallacy-watch emits (title, categorical x-axis, ranged y-axis, lines and bars). */
export interface XyChart {
  title: string | null;
  categories: string[];
  yLabel: string | null;
  yMin: number;
  yMax: number;
  series: Array<{ kind: 'line' | 'bar'; values: number[] }>;
}

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { top: 48, right: 24, bottom: 48, left: 64 };
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Parses a mermaid `xychart-beta` block; `null` when it is not one or uses syntax outside the subset (a horizontal
 * chart, a numeric x range, mismatched series lengths), so the caller can show the source instead.
 */
export function parseXyChart(source: string): XyChart | null {
  const lines = source.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('%%'));
  if (lines[0] !== 'xychart-beta') return null;
  const chart: XyChart = { title: null, categories: [], yLabel: null, yMin: 0, yMax: 0, series: [] };
  let yRange = false;
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^title\s+"([^"]*)"$/.exec(line))) chart.title = m[1]!;
    else if ((m = /^x-axis\s+(?:"[^"]*"\s+)?\[(.*)\]$/.exec(line))) chart.categories = splitList(m[1]!).map(unquote);
    else if ((m = /^y-axis\s+(?:"([^"]*)"\s+)?(-?[\d.]+)\s*-->\s*(-?[\d.]+)$/.exec(line))) {
      chart.yLabel = m[1] ?? null;
      chart.yMin = Number(m[2]);
      chart.yMax = Number(m[3]);
      yRange = true;
    } else if ((m = /^(line|bar)\s+\[(.*)\]$/.exec(line))) {
      const items = splitList(m[2]!);
      if (!items.every((v) => NUMBER.test(v))) return null;
      chart.series.push({ kind: m[1] as 'line' | 'bar', values: items.map(Number) });
    } else return null;
  }
  if (chart.categories.length === 0 || chart.series.length === 0) return null;
  if (chart.series.some((s) => s.values.length !== chart.categories.length)) return null;
  const all = chart.series.flatMap((s) => s.values);
  if (!yRange) {
    chart.yMin = Math.min(0, ...all);
    chart.yMax = Math.max(...all);
  }
  if (!(chart.yMax > chart.yMin)) chart.yMax = chart.yMin + 1;
  return chart;
}

/**
 * Draws a mermaid `xychart-beta` block as a standalone inline SVG (no script, no fonts to fetch): axes, five
 * gridlines, category labels, bars and lines with their values. `null` when {@link parseXyChart} rejects it.
 */
export function renderXyChartSvg(source: string): string | null {
  const chart = parseXyChart(source);
  if (!chart) return null;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotW / chart.categories.length;
  const x = (k: number) => MARGIN.left + band * (k + 0.5);
  const y = (v: number) => MARGIN.top + plotH - ((Math.min(Math.max(v, chart.yMin), chart.yMax) - chart.yMin) / (chart.yMax - chart.yMin)) * plotH;
  const fmt = (v: number) => String(Number(v.toFixed(2)));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(chart.title ?? 'chart')}" class="xychart">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
  ];
  if (chart.title) parts.push(`<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16" font-weight="600" fill="#1f2328">${escapeHtml(chart.title)}</text>`);
  for (let step = 0; step <= 5; step += 1) {
    const value = chart.yMin + ((chart.yMax - chart.yMin) * step) / 5;
    const gy = y(value).toFixed(1);
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${gy}" y2="${gy}" stroke="#d1d9e0" stroke-width="1"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${gy}" dy="4" text-anchor="end" font-size="12" fill="#59636e">${fmt(value)}</text>`);
  }
  if (chart.yLabel) {
    parts.push(`<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#59636e">${escapeHtml(chart.yLabel)}</text>`);
  }
  chart.categories.forEach((label, k) => {
    parts.push(`<text x="${x(k).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 20}" text-anchor="middle" font-size="12" fill="#59636e">${escapeHtml(label)}</text>`);
  });
  const bars = chart.series.filter((s) => s.kind === 'bar');
  bars.forEach((series, b) => {
    const width = (band * 0.7) / bars.length;
    series.values.forEach((value, k) => {
      const left = x(k) - band * 0.35 + width * b;
      parts.push(`<rect class="bar" x="${left.toFixed(1)}" y="${y(value).toFixed(1)}" width="${width.toFixed(1)}" height="${(y(chart.yMin) - y(value)).toFixed(1)}" fill="#54aeff"><title>${escapeHtml(`${chart.categories[k]}: ${fmt(value)}`)}</title></rect>`);
    });
  });
  for (const series of chart.series.filter((s) => s.kind === 'line')) {
    const points = series.values.map((value, k) => `${x(k).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    parts.push(`<polyline class="line" points="${points}" fill="none" stroke="#0969da" stroke-width="2.5" stroke-linejoin="round"/>`);
    series.values.forEach((value, k) => {
      parts.push(`<circle cx="${x(k).toFixed(1)}" cy="${y(value).toFixed(1)}" r="4" fill="#0969da"><title>${escapeHtml(`${chart.categories[k]}: ${fmt(value)}`)}</title></circle>`);
      parts.push(`<text x="${x(k).toFixed(1)}" y="${(y(value) - 10).toFixed(1)}" text-anchor="middle" font-size="11" fill="#1f2328">${fmt(value)}</text>`);
    });
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#59636e"/>`, '</svg>');
  return parts.join('');
}

/** Splits `"a", "b, c", 3` at top-level commas. */
function splitList(text: string): string[] {
  return (text.match(/"[^"]*"|[^,]+/g) ?? []).map((item) => item.trim()).filter((item) => item !== '');
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

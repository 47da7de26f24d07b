import { describe, expect, it } from 'vitest';
import { fitBody, measureBytes, type BodySection } from '../../src/render/fit-body.js';

const header: BodySection = { label: 'the header', importance: 100, required: true, head: '## Header' };
const rows = (count: number, width = 20) => Array.from({ length: count }, (_, i) => `| row ${i} ${'x'.repeat(width)} |`);

describe('fitBody', () => {
  it('joins sections unchanged when they fit', () => {
    const fitted = fitBody([header, { label: 'a', importance: 1, head: 'A', rows: ['- 1', '- 2'], tail: 'end' }], { limit: 1000 });
    expect(fitted).toEqual({ body: '## Header\n\nA\n- 1\n- 2\nend', dropped: [], shortened: [], hardCut: false });
  });

  it('drops the least important optional section first and says so after the header', () => {
    const fitted = fitBody(
      [
        header,
        { label: 'the findings', importance: 90, required: true, head: 'F'.repeat(200) },
        { label: 'the chart', importance: 60, head: 'C'.repeat(200) },
        { label: 'the reviewer table', importance: 40, head: 'R'.repeat(200) },
      ],
      { limit: 600 },
    );
    expect(fitted.dropped).toEqual(['the reviewer table']);
    expect(fitted.body).toContain('C'.repeat(200));
    expect(fitted.body.indexOf('Left out: the reviewer table.')).toBeLessThan(fitted.body.indexOf('F'));
    expect(measureBytes(fitted.body)).toBeLessThanOrEqual(600);
  });

  it('counts dropped sections of one group together', () => {
    const areas = Array.from({ length: 5 }, (_, i): BodySection => ({
      label: `area ${i}`,
      group: 'area tables',
      importance: 50 - i / 100,
      head: 'A'.repeat(200),
    }));
    const fitted = fitBody([header, ...areas], { limit: 800 });
    expect(fitted.dropped).toEqual(['area 4', 'area 3']);
    expect(fitted.body).toContain('Left out: 2 of 5 area tables.');
  });

  it('shortens rows of required sections after every optional section is gone', () => {
    const fitted = fitBody(
      [header, { label: 'the findings', importance: 90, required: true, head: '### Findings', rows: rows(1000) }, { label: 'the chart', importance: 10, head: 'chart' }],
      { limit: 5000 },
    );
    expect(fitted.dropped).toEqual(['the chart']);
    expect(fitted.shortened).toHaveLength(1);
    const [shortened] = fitted.shortened;
    expect(shortened?.total).toBe(1000);
    expect(shortened?.shown).toBeGreaterThan(50);
    expect(fitted.body).toContain(`… and ${1000 - shortened!.shown} more not shown.`);
    expect(fitted.body).toContain(`the findings (${shortened!.shown} of 1,000 shown)`);
    expect(measureBytes(fitted.body)).toBeLessThanOrEqual(5000);
    expect(measureBytes(fitted.body)).toBeGreaterThan(4500);
  });

  it('keeps the most important rows: the first ones', () => {
    const fitted = fitBody([header, { label: 'list', importance: 1, required: true, head: 'L', rows: rows(100) }], { limit: 1000 });
    expect(fitted.body).toContain('| row 0 ');
    expect(fitted.body).not.toContain('| row 99 ');
  });

  it('cuts the text as a last resort when the required parts alone are too long', () => {
    const fitted = fitBody([header, { label: 'wall', importance: 1, required: true, head: 'W'.repeat(10_000) }], { limit: 1000 });
    expect(fitted.hardCut).toBe(true);
    expect(measureBytes(fitted.body)).toBeLessThanOrEqual(1000);
    expect(fitted.body).toMatch(/^## Header\n\n> \[!NOTE\]\n> .*The end of this text is cut off\./);
    expect(fitted.body.endsWith('…')).toBe(true);
  });

  it('measures UTF-8 bytes, so multi-byte text never passes a byte-counting limit', () => {
    const emoji = '😀'.repeat(300);
    const fitted = fitBody([header, { label: 'emoji', importance: 1, head: emoji }], { limit: 1000 });
    expect(emoji.length).toBeLessThan(1000);
    expect(fitted.dropped).toEqual(['emoji']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseXyChart, renderXyChartSvg } from '../../src/demo/markdown/render-xychart-svg.js';

const CHART = `xychart-beta
    title "Median time to first review (hours)"
    x-axis ["09-28", "10-05", "10-12"]
    y-axis "hours" 0 --> 50
    line [10, 25, 50]`;

describe('parseXyChart', () => {
  it('reads the title, categories, y range and series fallacy-watch emits', () => {
    expect(parseXyChart(CHART)).toEqual({
      title: 'Median time to first review (hours)',
      categories: ['09-28', '10-05', '10-12'],
      yLabel: 'hours',
      yMin: 0,
      yMax: 50,
      series: [{ kind: 'line', values: [10, 25, 50] }],
    });
  });

  it('derives the y range from the values when none is given', () => {
    expect(parseXyChart('xychart-beta\n  x-axis [a, b]\n  bar [3, 8]')).toMatchObject({ yMin: 0, yMax: 8, categories: ['a', 'b'] });
  });

  it('rejects other diagrams, unknown statements and series that do not match the axis', () => {
    expect(parseXyChart('graph TD\n A-->B')).toBeNull();
    expect(parseXyChart('xychart-beta horizontal\n x-axis [a]\n line [1]')).toBeNull();
    expect(parseXyChart('xychart-beta\n x-axis [a, b]\n line [1]')).toBeNull();
    expect(parseXyChart('xychart-beta\n x-axis [a]\n line [x]')).toBeNull();
  });
});

describe('renderXyChartSvg', () => {
  it('places each point by its value on the y range: 0 at the bottom, the maximum at the top', () => {
    const svg = renderXyChartSvg(CHART)!;
    const points = /<polyline class="line" points="([^"]+)"/.exec(svg)![1]!.split(' ').map((p) => p.split(',').map(Number));
    // plot area: top 48, height 360 - 48 - 48 = 264
    expect(points.map(([, y]) => y)).toEqual([259.2, 180, 48]);
    expect(points[0]![0]).toBeLessThan(points[1]![0]!);
    expect(svg).toContain('>Median time to first review (hours)</text>');
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it('escapes labels, so a category cannot inject markup', () => {
    const svg = renderXyChartSvg('xychart-beta\n title "<script>"\n x-axis ["<b>"]\n line [1]')!;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;b&gt;');
  });

  it('returns null for what it cannot draw', () => {
    expect(renderXyChartSvg('pie\n "a": 1')).toBeNull();
  });
});

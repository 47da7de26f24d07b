import { performance } from 'node:perf_hooks';
import { analyzeWorkflow } from '../supply-chain/analyze-workflow.js';
import type { Benchmark } from './index.js';

/** A realistic workflow with `jobs` jobs of 6 steps: unpinned and pinned actions, scripts with expressions. */
function buildWorkflow(index: number, jobs: number): string {
  const lines = ['name: ci', 'on:', '  pull_request_target:', '  push:', '    branches: [main]', 'jobs:'];
  for (let job = 0; job < jobs; job += 1) {
    lines.push(
      `  job${job}:`,
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: read',
      `      packages: ${job % 3 === 0 ? 'write' : 'read'}`,
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      `          ref: ${job % 5 === 0 ? '${{ github.event.pull_request.head.sha }}' : 'main'}`,
      `      - uses: third-party/action-${index}@a81bbbf8298c0fa03ea29cdc473d45769f953675`,
      '      - run: |',
      '          echo "building ${{ github.sha }}"',
      `          echo "${job % 4 === 0 ? '${{ github.event.pull_request.title }}' : 'ok'}"`,
      '          curl -fsSL https://example.com/install.sh -o install.sh',
      '          make build test',
      '      - uses: docker://alpine:3.20',
      '      - run: npm ci && npm test',
    );
  }
  return `${lines.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * `supply-chain`: how long `analyzeWorkflow` takes per workflow (parse + five detectors), for a small (3 jobs,
 * ~60 lines) and a large (40 jobs, ~700 lines) workflow: the median of 200 runs each, plus lines per second.
 */
export const supplyChainBenchmark: Benchmark = {
  name: 'supply-chain',
  run: async () => {
    for (const jobs of [3, 40]) {
      const text = buildWorkflow(jobs, jobs);
      const lines = text.split('\n').length;
      for (let warm = 0; warm < 20; warm += 1) analyzeWorkflow('.github/workflows/ci.yml', text);
      const times: number[] = [];
      let findings = 0;
      for (let run = 0; run < 200; run += 1) {
        const start = performance.now();
        findings = analyzeWorkflow('.github/workflows/ci.yml', text).length;
        times.push(performance.now() - start);
      }
      const ms = median(times);
      console.log(
        `analyzeWorkflow ${jobs} jobs (${lines} lines, ${findings} findings): median ${ms.toFixed(3)} ms, ${Math.round(lines / (ms / 1000)).toLocaleString('en-US')} lines/s`,
      );
    }
  },
};

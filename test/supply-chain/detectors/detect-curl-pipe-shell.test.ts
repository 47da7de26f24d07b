import { describe, expect, it } from 'vitest';
import { analyze, linesOf } from '../helpers.js';

const withRun = (script: string) =>
  `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${script
    .split('\n')
    .map((line) => `          ${line}`)
    .join('\n')}\n`;

describe('downloads piped to a shell', () => {
  it.each([
    'curl -fsSL https://get.example.sh | sh',
    'curl -sL https://x.io/install | sudo -E bash -',
    'wget -qO- https://x.io/install | bash -s -- --yes',
    'curl https://x.io/i.py | python3',
    'bash <(curl -s https://x.io/install)',
    'sh -c "$(curl -fsSL https://x.io/install)"',
    'iwr https://x.io/install.ps1 | iex',
  ])('%s is reported', (command) => {
    expect(linesOf(analyze(withRun(`echo start\n${command}`)), 'curl-pipe-shell')).toEqual([[9, 'warning']]);
  });

  it.each([
    'curl -fsSLO https://x.io/tool.tar.gz && sha256sum -c tool.sha256',
    'curl -s https://x.io/data.json | jq .',
    'curl -s https://x.io/file | shasum -a 256',
    'sudo apt-get install -y curl bash',
  ])('%s is not', (command) => {
    expect(linesOf(analyze(withRun(command)), 'curl-pipe-shell')).toEqual([]);
  });

  it('a command continued with a backslash is read whole and reported on the line of the download', () => {
    const findings = analyze(withRun('echo hello && \\\n  curl -s https://x.io/install \\\n  | bash'));
    expect(linesOf(findings, 'curl-pipe-shell')).toEqual([[9, 'warning']]);
  });
});

import type { SupplyChainFinding } from '../types.js';
import type { ScriptSource, WorkflowModel } from '../workflow-model.js';
import type { WorkflowDetector } from './workflow-detector.js';

const SHELL = String.raw`(?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:ba|z|da|k|fi)?sh|python[23]?|perl|ruby|node`;
const PREFIX = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?(?:[A-Za-z_]\w*=\S*\s+)*`;

/** Ways a downloaded script reaches an interpreter without ever being checked. */
const PIPED_DOWNLOADS: RegExp[] = [
  // curl … | sh, wget -O- … | sudo bash -s --
  new RegExp(String.raw`\b(?:curl|wget)\b[^|\n]*\|\s*${PREFIX}(?:${SHELL})(?![\w.-])`),
  // bash <(curl …)
  new RegExp(String.raw`(?:^|[\s;&|(])(?:${SHELL})\s+(?:-\S+\s+)*<\(\s*(?:curl|wget)\b`),
  // sh -c "$(curl …)"
  new RegExp(String.raw`(?:^|[\s;&|(])(?:${SHELL})\s+(?:-\S+\s+)*-c\s+["']?\$\(\s*(?:curl|wget)\b`),
  // PowerShell: iwr … | iex
  /\b(?:iwr|irm|invoke-webrequest|invoke-restmethod)\b[^|\n]*\|\s*(?:iex|invoke-expression)\b/i,
];

/**
 * Finds downloads piped straight into a shell or interpreter in `run:` scripts (`curl … | sh`, `wget -O- … | bash`,
 * `bash <(curl …)`, `sh -c "$(curl …)"`, `iwr … | iex`): whatever the server returns runs, unverified. Lines
 * continued with a trailing `\` are read as one command; the finding is on the line of the download. `warning`.
 */
export const detectCurlPipeShell: WorkflowDetector = (workflow: WorkflowModel) =>
  workflow.jobs.flatMap((job) =>
    job.steps.flatMap((step) => (step.run ? scanScript(workflow.path, step.run) : [])),
  );

function scanScript(path: string, script: ScriptSource): SupplyChainFinding[] {
  const findings: SupplyChainFinding[] = [];
  for (const command of joinContinuedLines(script)) {
    if (!PIPED_DOWNLOADS.some((pattern) => pattern.test(command.text))) continue;
    const download = command.lines.find((line) => /\b(?:curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod)\b/i.test(line.text));
    findings.push({
      kind: 'curl-pipe-shell',
      severity: 'warning',
      file: path,
      line: (download ?? command.lines[0]!).line,
      message: `a download is piped into a shell ("${command.text.replace(/\s+/g, ' ').trim().slice(0, 120)}"); download to a file, verify its checksum or signature, then run it`,
    });
  }
  return findings;
}

interface Command {
  text: string;
  lines: ScriptSource['sourceLines'];
}

function joinContinuedLines(script: ScriptSource): Command[] {
  const commands: Command[] = [];
  let current: Command | null = null;
  for (const line of script.sourceLines) {
    const continued = /\\\s*$/.test(line.text);
    const text = line.text.replace(/\\\s*$/, ' ');
    current = current ? { text: `${current.text} ${text}`, lines: [...current.lines, line] } : { text, lines: [line] };
    if (!continued) {
      commands.push(current);
      current = null;
    }
  }
  if (current) commands.push(current);
  return commands;
}

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A web or worker process of the built app (`dist/cli/main.js web|worker`), settings in the environment. */
export interface SpawnedApp {
  child: ChildProcess;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

/**
 * Starts `fallacy-watch <kind>` and resolves once `http://127.0.0.1:<port>/healthz` answers. `nodeArguments` go before
 * the script (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept).
 */
export async function spawnAppProcess(kind: 'web' | 'worker', env: NodeJS.ProcessEnv, port: number, nodeArguments: string[] = []): Promise<SpawnedApp> {
  const child = spawn(process.execPath, [...nodeArguments, CLI, kind], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${kind} did not answer /healthz within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The resident memory of a process, read from its `/metrics` (bytes), or `undefined`. */
export async function readResidentMemory(port: number): Promise<number | undefined> {
  return readProcessGauge(port, 'fallacy_watch_process_resident_memory_bytes');
}

/** How often this process's jobs found a slot taken and went back to wait, or `undefined`. */
export async function readSlotWaits(port: number): Promise<number | undefined> {
  return readProcessGauge(port, 'fallacy_watch_slot_waits_total\\{queue="fw-deliveries"\\}');
}

async function readProcessGauge(port: number, name: string): Promise<number | undefined> {
  const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text(), () => '');
  const match = new RegExp(`^${name} (\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Offline means offline: onnxruntime's telemetry (a device id and an event queue for upload,
 * under ~/.cache/Microsoft/DeveloperTools/.onnxruntime, and an empty /tmp/mat-debug-<pid>.log)
 * stays off, so running models writes nothing into the user's home folder or /tmp. Each run gets a fresh HOME with no XDG folders set and
 * no ORT_DISABLE_TELEMETRY of its own, and its data directory elsewhere.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/genomes';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'bin/variantdesk.mjs');
const EXAMPLE = join(ROOT, 'resources/examples/sars-cov-2/sequences.fasta.gz');

/** A fresh home folder and an environment that points at it. */
function freshHome(): { home: string; env: NodeJS.ProcessEnv } {
  const home = join(tempDir(), 'home');
  mkdirSync(home);
  const inherited = Object.entries(process.env).filter(
    ([name]) => !name.startsWith('XDG_') && !name.startsWith('ORT_'),
  );
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), HOME: home };
  return { home, env };
}

/** Every file and folder under `dir`, relative to it. */
const entriesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/**
 * Runs node with `args` and `env`; resolves with its output and whether the telemetry SDK's
 * debug log (`/tmp/mat-debug-<pid>.log`, made by every process with telemetry on) appeared.
 */
async function runNode(args: string[], env: NodeJS.ProcessEnv) {
  const started = Date.now() - 1000; // file times may be rounded to the second
  const running = run(process.execPath, args, { env, cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await running;
  const log = `/tmp/mat-debug-${running.child.pid}.log`;
  // An old log of a process that had the same id is not this run's.
  const wroteTelemetryLog = existsSync(log) && statSync(log).mtimeMs >= started;
  return { stdout, wroteTelemetryLog };
}

describe('onnxruntime telemetry', () => {
  it('writes nothing into HOME or /tmp when variantdesk classify runs the model', async () => {
    const { home, env } = freshHome();
    const dataDir = join(tempDir(), 'data');
    const { stdout, wroteTelemetryLog } = await runNode(
      [CLI, '--data-dir', dataDir, 'classify', EXAMPLE],
      env,
    );
    expect(stdout.trimEnd().split('\n')).toHaveLength(299);
    expect(entriesUnder(home)).toEqual([]);
    expect(wroteTelemetryLog).toBe(false);
    expect(entriesUnder(dataDir)).toContain('variantdesk.sqlite');
  }, 120_000);

  it('writes nothing into HOME or /tmp when a worker thread runs a model (as clustering does)', async () => {
    const { home, env } = freshHome();
    const script = join(import.meta.dirname, 'session-in-worker.ts');
    const { stdout, wroteTelemetryLog } = await runNode(['--import', 'tsx', script], env);
    expect(stdout).toBe('48 probabilities\n');
    expect(entriesUnder(home)).toEqual([]);
    expect(wroteTelemetryLog).toBe(false);
  }, 60_000);
});

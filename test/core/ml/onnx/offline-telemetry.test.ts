/**
 * Offline means offline: onnxruntime's telemetry (a device id and an event queue for upload,
 * under ~/.cache/Microsoft/DeveloperTools/.onnxruntime) stays off, so running models writes
 * nothing into the user's home folder. Each run gets a fresh HOME with no XDG folders set and
 * no ORT_DISABLE_TELEMETRY of its own, and its data directory elsewhere.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/genomes';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../../..');
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

describe('onnxruntime telemetry', () => {
  it('writes nothing into HOME when variantdesk classify runs the model', async () => {
    const { home, env } = freshHome();
    const dataDir = join(tempDir(), 'data');
    const { stdout } = await run(
      process.execPath,
      [CLI, '--data-dir', dataDir, 'classify', EXAMPLE],
      { env, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout.trimEnd().split('\n')).toHaveLength(299);
    expect(entriesUnder(home)).toEqual([]);
    expect(entriesUnder(dataDir)).toContain('variantdesk.sqlite');
  }, 120_000);

  it('writes nothing into HOME when a worker thread runs a model (as clustering does)', async () => {
    const { home, env } = freshHome();
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'session-in-worker.ts')],
      { env, cwd: ROOT },
    );
    expect(stdout).toBe('48 probabilities\n');
    expect(entriesUnder(home)).toEqual([]);
  }, 60_000);
});

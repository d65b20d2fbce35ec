/**
 * `--out` is replaced atomically: a run killed while it writes leaves the file that was
 * there before, whole. classify streams its rows, so it is killed with rows half written.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTemporaryFor } from '../../src/core/files/atomic-write';
import { buildTestBundle } from '../core/classify/classify-fixtures';
import { tempDir } from '../helpers/genomes';

const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sars-cov-2');
const OLD = 'id\tlabel\nyesterday\t21J\n'.repeat(500);
/** More than the header: prediction rows are being written. */
const ROWS_WRITTEN = 1024;

let bundle: string;
let big: string;
let genomes = 0;
const dataDir = join(tempDir(), 'data');

beforeAll(async () => {
  bundle = join(tempDir(), 'test-clade.zip');
  writeFileSync(bundle, await buildTestBundle({ featurizer: 'aligned-alleles' }));
  const example = gunzipSync(readFileSync(join(EXAMPLE, 'sequences.fasta.gz'))).toString();
  big = join(tempDir(), 'big.fasta');
  const copies = 36;
  genomes = copies * (example.match(/^>/gm)?.length ?? 0);
  writeFileSync(
    big,
    // Several chunks of 2,048 genomes, so rows are being written for seconds, not milliseconds.
    Array.from({ length: copies }, (_, i) => example.replace(/^>(\S+)/gm, `>$1_${i}`)).join(''),
  );
}, 120_000);

/**
 * Bytes written so far: in a temporary file beside `out`, or (not atomic) in `out` itself
 * while it holds fewer rows than genomes. A finished run counts as nothing written, so the
 * kill is never sent after the commit (the run would rightly exit 0 with the new file).
 */
function written(dir: string, out: string): number {
  const temporary = readdirSync(dir).find((name) => isTemporaryFor(out, name));
  if (temporary) return statSync(join(dir, temporary)).size;
  const current = readFileSync(out, 'utf8');
  const complete = current.split('\n').length > genomes;
  return current === OLD || complete ? 0 : current.length;
}

function classifyTo(input: string, out: string) {
  const args = ['--data-dir', dataDir, 'classify', input, '--model', bundle, '--out', out];
  return spawn(process.execPath, [CLI, ...args, '--quiet']);
}

/** Runs classify --out over an existing file and kills it once rows are being written. */
async function killMidWrite(signal: 'SIGINT' | 'SIGKILL') {
  const dir = tempDir();
  const out = join(dir, 'calls.tsv');
  writeFileSync(out, OLD);
  const child = classifyTo(big, out);
  child.stderr.resume();
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  let sent = false;
  const poll = setInterval(() => {
    if (!sent && written(dir, out) > ROWS_WRITTEN) sent = child.kill(signal);
  }, 10);
  const [code, killedBy] = await exited;
  clearInterval(poll);
  expect(sent).toBe(true);
  const left = readdirSync(dir).filter((name) => isTemporaryFor(out, name));
  return { code, killedBy, content: readFileSync(out, 'utf8'), left };
}

describe('classify --out killed mid-write', () => {
  it('Ctrl-C (SIGINT): exit 130, the old file whole, no temporary file left', async () => {
    const { code, content, left } = await killMidWrite('SIGINT');
    expect(code).toBe(130);
    expect(content).toBe(OLD);
    expect(left).toEqual([]);
  });

  it('SIGKILL: the old file whole (a stray temporary file may stay beside it)', async () => {
    const { killedBy, content, left } = await killMidWrite('SIGKILL');
    expect(killedBy).toBe('SIGKILL');
    expect(content).toBe(OLD);
    // Nothing runs after SIGKILL, so the partial temporary file is still there.
    expect(left).toHaveLength(1);
  });

  it('a run left to finish replaces the file', async () => {
    const dir = tempDir();
    const out = join(dir, 'calls.tsv');
    writeFileSync(out, OLD);
    const child = classifyTo(join(EXAMPLE, 'sequences.fasta.gz'), out);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(299);
    expect(readdirSync(dir)).toEqual(['calls.tsv']);
  });
});

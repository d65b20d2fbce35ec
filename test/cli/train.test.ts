import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../src/core/bundles';
import { tempDir } from '../helpers/genomes';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sars-cov-2');

/** The first `count` genomes of the SARS-CoV-2 example and their metadata, in `dir`. */
function exampleSubset(dir: string, count: number): { fasta: string; metadata: string } {
  const records = gunzipSync(readFileSync(join(EXAMPLE, 'sequences.fasta.gz')))
    .toString()
    .split('>')
    .filter((record) => record !== '')
    .slice(0, count);
  const lines = readFileSync(join(EXAMPLE, 'metadata.tsv'), 'utf8').split('\n');
  const fasta = join(dir, 'subset.fasta');
  const metadata = join(dir, 'subset.tsv');
  writeFileSync(fasta, records.map((record) => `>${record}`).join(''));
  writeFileSync(metadata, `${lines.slice(0, count + 1).join('\n')}\n`);
  return { fasta, metadata };
}

describe('variantdesk train', () => {
  it('trains on files with a metadata file, prints the CV summary and writes a bundle', async () => {
    const dir = tempDir();
    const out = join(dir, 'clades.zip');
    const { fasta, metadata } = exampleSubset(dir, 90);
    const { stdout, stderr } = await run(
      process.execPath,
      [
        CLI,
        '--data-dir',
        join(dir, 'data'),
        'train',
        fasta,
        '--labels',
        metadata,
        '--model',
        'exemplar',
        '--cv',
        '3',
        '--out',
        out,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stderr).toMatch(/Training on 90 labeled genomes of dataset #1 \(sars-cov-2\)/);
    expect(stderr).toMatch(/exemplar\(k=1,tau=1,siteWeight=1\) \[1\/6\] fold 1\/3/);
    // Clade-defining sites weighted x5 is a grid choice of its own.
    expect(stderr).toMatch(/exemplar\(k=1,tau=1,siteWeight=5\) \[2\/6\] fold 1\/3/);
    expect(stdout).toMatch(/chosen by macroF1: exemplar/);
    expect(stdout).toMatch(/cross-validated: accuracy 0\.\d{4}, macro-F1/);
    expect(stdout).toContain(`Wrote ${out}`);
    const { manifest } = await readBundle(out);
    expect(manifest.reference.id).toBe('sars-cov-2');
    expect(Object.values(manifest.labels)).toContain('recombinant');
  });

  it('exits 130 on Ctrl-C and leaves no bundle behind', async () => {
    const dir = tempDir();
    const out = join(dir, 'never.zip');
    const { fasta, metadata } = exampleSubset(dir, 90);
    const child = spawn(process.execPath, [
      CLI,
      '--data-dir',
      join(dir, 'data'),
      'train',
      fasta,
      '--labels',
      metadata,
      '--model',
      'mlp',
      '--out',
      out,
    ]);
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Once, in the middle of cross-validation (a second Ctrl-C would kill outright).
      if (!interrupted && /fold 1\/5/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Training interrupted/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

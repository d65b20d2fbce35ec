import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';
import { buildTestBundle } from '../core/classify/classify-fixtures';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sars-cov-2');
const SHIPPED = resolve(import.meta.dirname, '../../models/sars-cov-2-clade.zip');
const COLUMNS = [
  'id\tlabel\tconfidence\tstatus\tfallback_label\tfallback_distance\tmodel\tmodel_version\trecombinant_parents\tbreakpoint',
  'recombinant\ttree_clade\ttree_node\ttree_distance\ttree_nodes_at_best\ttree_clade_share\ttree_agrees\tprivate_mutations',
  'tree_recombinant_parents\ttree_breakpoints\tprivate_aa_mutations',
].join('\t');

function cli(...args: string[]) {
  return run(process.execPath, [CLI, '--data-dir', join(tempDir(), 'data'), ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** strain -> clade of the example's metadata. */
const truth = new Map(
  readFileSync(join(EXAMPLE, 'metadata.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t') as [string, string]),
);

describe('variantdesk classify', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = join(tempDir(), 'test-clade.zip');
    writeFileSync(bundle, await buildTestBundle({ featurizer: 'aligned-alleles', version: '2.1' }));
  });

  it('prints one row per sequence of the example with the documented columns', async () => {
    const { stdout, stderr } = await cli(
      'classify',
      join(EXAMPLE, 'sequences.fasta.gz'),
      '--model',
      bundle,
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(COLUMNS);
    expect(lines).toHaveLength(truth.size + 1);
    const rows = lines.slice(1).map((line) => line.split('\t'));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(truth.keys()));
    for (const [, label, confidence, status, fallback, distance, model, version] of rows) {
      expect(status === 'assigned' ? label !== '' : label === '').toBe(true);
      expect(Number(confidence)).toBeGreaterThan(0);
      expect(fallback).not.toBe('');
      expect(Number.isInteger(Number(distance))).toBe(true);
      expect([model, version]).toEqual(['test-sars-cov-2-clade', '2.1']);
    }
    // The test model knows five clades: sequences of those clades come out right.
    const known = rows.filter((r) =>
      ['20B', '21J', '22B', '23A', '24A'].includes(truth.get(r[0]!)!),
    );
    const right = known.filter((r) => r[1] === truth.get(r[0]!));
    expect(right.length / known.length).toBeGreaterThanOrEqual(0.9);
    // Every genome is placed on the shipped tree; the example's genomes are its tips with N
    // runs, so each lands at distance 0 on a node of its own clade, with no private mutations.
    for (const [id, , , , , , , , , , recombinant, clade, node, distance, nodes, share] of rows) {
      expect(recombinant).toMatch(/^(yes|no)$/);
      expect([clade, distance]).toEqual([truth.get(id!), '0']);
      expect(node).not.toBe('');
      expect(Number(nodes)).toBeGreaterThanOrEqual(1);
      expect(Number(share)).toBeGreaterThan(0);
    }
    // (trimEnd took the last row's trailing empty cells) No tip is a mosaic of other nodes.
    expect(rows.filter((r) => (r[17] ?? '') === '').length).toBe(rows.length);
    expect(rows.filter((r) => (r[18] ?? '') === '').length).toBe(rows.length);
    // Amino acids: the calls agree with the tree's own translations but for a rare codon
    // (FW.1.1: ORF6 codon 61, where the tree's amino-acid state does not follow its bases).
    expect(rows.filter((r) => (r[20] ?? '') !== '').length).toBeLessThanOrEqual(3);
    expect(stderr).toMatch(/298 sequences classified with test-sars-cov-2-clade 2\.1/);
  });

  it('exits with 2 and names the file or the model on bad input', async () => {
    const example = join(EXAMPLE, 'sequences.fasta.gz');
    const notSequences = join(tempDir(), 'notes.txt');
    writeFileSync(notSequences, 'just some notes\nnot a sequence file\n');
    const tampered = join(tempDir(), 'tampered.zip');
    const bytes = readFileSync(bundle);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(tampered, bytes);
    const missing = join(tempDir(), 'missing.zip');
    await Promise.all([
      expect(cli('classify', notSequences, '--model', bundle)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('notes.txt'),
      }),
      expect(cli('classify', example, '--model', missing)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('missing.zip'),
      }),
      expect(cli('classify', example, '--model', tampered)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('tampered.zip'),
      }),
    ]);
  });

  it('takes the production model of --pathogen, and says when a pathogen has none', async () => {
    const example = join(EXAMPLE, 'sequences.fasta.gz');
    const { stdout } = await cli('classify', example, '--pathogen', 'sars-cov-2', '--quiet');
    const rows = stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(299);
    expect(rows[1]!.split('\t')[6]).toBe('sars-cov-2-clade');
    await expect(cli('classify', example, '--pathogen', 'ebola')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no production model for pathogen 'ebola'/),
    });
  });

  it('finds a registered model by name@version, refuses an unknown version, writes JSON to --out', async () => {
    // Bundles in $VARIANTDESK_MODELS are registered when the data directory is opened.
    const models = tempDir();
    writeFileSync(join(models, 'test-clade.zip'), readFileSync(bundle));
    const env = { ...process.env, VARIANTDESK_MODELS: models };
    const args = [
      CLI,
      '--data-dir',
      join(tempDir(), 'data'),
      'classify',
      join(EXAMPLE, 'sequences.fasta.gz'),
    ];
    const out = join(tempDir(), 'predictions.json');
    const [ok] = await Promise.all([
      run(
        process.execPath,
        [
          ...args,
          '--model',
          'test-sars-cov-2-clade@2.1',
          '--quiet',
          '--format',
          'json',
          '--out',
          out,
        ],
        { env },
      ),
      expect(
        run(process.execPath, [...args, '--model', 'test-sars-cov-2-clade@3'], { env }),
      ).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringMatching(
          /test-sars-cov-2-clade has no version 3 \(registered: 2\.1\)/,
        ),
      }),
    ]);
    expect(ok.stdout).toBe('');
    const rows = JSON.parse(readFileSync(out, 'utf8')) as { id: string; top: unknown[] }[];
    expect(rows).toHaveLength(truth.size);
    expect(rows[0]!.top).toHaveLength(3);
  });

  it('stops cleanly on Ctrl-C with exit code 130', async () => {
    const example = gunzipSync(readFileSync(join(EXAMPLE, 'sequences.fasta.gz'))).toString();
    const big = join(tempDir(), 'big.fasta');
    writeFileSync(
      big,
      Array.from({ length: 20 }, (_, i) => example.replace(/^>(\S+)/gm, `>$1_${i}`)).join(''),
    );
    const child = spawn(process.execPath, [
      CLI,
      '--data-dir',
      join(tempDir(), 'data'),
      'classify',
      big,
      '--model',
      bundle,
    ]);
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      if (stderr.includes('Classifying') && !interrupted) interrupted = child.kill('SIGINT');
    });
    child.stdout.resume();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(130);
    expect(stderr).toMatch(/Classification interrupted/);
  });

  it.runIf(existsSync(SHIPPED))(
    'detects SARS-CoV-2 and classifies the example with the shipped model',
    async () => {
      const { stdout, stderr } = await cli('classify', join(EXAMPLE, 'sequences.fasta.gz'));
      expect(stderr).toMatch(/Detected sars-cov-2: using model sars-cov-2-clade/);
      const rows = stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split('\t'));
      const right = rows.filter((r) => (r[1] || r[4]) === truth.get(r[0]!));
      expect(right.length / rows.length).toBeGreaterThanOrEqual(0.95);
    },
  );
});

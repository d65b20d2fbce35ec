/**
 * The README's exit codes, command by command, run for real: 0 success, 1 failure,
 * 2 invalid input, 130 cancelled (Ctrl-C). One data folder holds the example for all rows.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';

const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sars-cov-2');
const SEQUENCES = join(EXAMPLE, 'sequences.fasta.gz');
const METADATA = join(EXAMPLE, 'metadata.tsv');

interface Outcome {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; with `interruptOn`, sends SIGINT once stderr matches it. */
async function cli(dataDir: string, args: string[], interruptOn?: RegExp): Promise<Outcome> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, ...args]);
  let stdout = '';
  let stderr = '';
  let interrupted = false;
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
    if (interruptOn?.test(stderr) && !interrupted) interrupted = child.kill('SIGINT');
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  return { code, signal, stdout, stderr };
}

// Files the rows refer to, made once.
const files = {
  dir: '',
  data: '',
  broken: '',
  invalidOnly: '',
  notes: '',
  big: '',
  bigToAlign: '',
  missing: '',
};

beforeAll(async () => {
  files.dir = tempDir();
  files.data = join(files.dir, 'data');
  files.missing = join(files.dir, 'missing.fasta');
  files.invalidOnly = join(files.dir, 'invalid-only.fasta');
  writeFileSync(files.invalidOnly, '>a\nACGT!!\n>b\n\n');
  files.notes = join(files.dir, 'notes.txt');
  writeFileSync(files.notes, 'just some notes\n');
  const example = gunzipSync(readFileSync(SEQUENCES)).toString();
  const copies = (suffix: string): string =>
    Array.from({ length: 8 }, (_, i) => example.replace(/^>(\S+)/gm, `>$1_${suffix}${i}`)).join('');
  files.big = join(files.dir, 'big.fasta');
  writeFileSync(files.big, copies('a'));
  // Its own content: aligning 2,384 genomes lasts long enough to be interrupted.
  files.bigToAlign = join(files.dir, 'big-to-align.fasta');
  writeFileSync(files.bigToAlign, copies('b'));
  // A registry file that is not SQLite: opening it fails (not the user's input).
  files.broken = join(files.dir, 'broken');
  mkdirSync(files.broken);
  writeFileSync(join(files.broken, 'variantdesk.sqlite'), 'this is not a database\n'.repeat(200));
  const first = await cli(files.data, ['import', SEQUENCES, '--metadata', METADATA, '--quiet']);
  expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/Imported dataset #1/) });
}, 120_000);

interface Row {
  name: string;
  args: () => string[];
  code: number;
  stderr?: RegExp;
  stdout?: RegExp;
  interruptOn?: RegExp;
  dataDir?: () => string;
}

const rows: Row[] = [
  // 0: success
  { name: 'help', args: () => ['--help'], code: 0, stdout: /Usage: variantdesk/ },
  { name: 'datasets', args: () => ['datasets', '--json'], code: 0, stdout: /"sequenceCount": 298/ },
  {
    name: 'import of content already imported (the dataset is there)',
    args: () => ['import', SEQUENCES, '--metadata', METADATA, '--json', '--quiet'],
    code: 0,
    stdout: /"duplicateOf": \{\s+"id": 1/,
  },
  // 1: failure
  {
    name: 'a registry that is not a database',
    args: () => ['datasets'],
    dataDir: () => files.broken,
    code: 1,
    stderr: /not a database/,
  },
  // 2: invalid input
  {
    name: 'serve on a port that is not a number',
    args: () => ['serve', '--port', 'nope'],
    code: 2,
    stderr: /--port: 'nope' is not a port/,
  },
  { name: 'unknown command', args: () => ['frobnicate'], code: 2, stderr: /unknown command/ },
  { name: 'unknown option', args: () => ['qc', '1', '--colour'], code: 2, stderr: /--colour/ },
  {
    name: 'missing required option',
    args: () => ['train', '1'],
    code: 2,
    stderr: /--labels/,
  },
  {
    name: 'import of a missing file',
    args: () => ['import', files.missing, '--quiet'],
    code: 2,
    stderr: /missing\.fasta/,
  },
  {
    name: 'import of a file that is not sequence data',
    args: () => ['import', files.notes, '--quiet'],
    code: 2,
    stderr: /notes\.txt/,
  },
  {
    name: 'import --json with nothing imported (no valid record)',
    args: () => ['import', files.invalidOnly, '--json', '--quiet'],
    code: 2,
    stdout: /"dataset": null/,
  },
  {
    name: 'import with nothing imported (no valid record)',
    args: () => ['import', files.invalidOnly, '--quiet'],
    code: 2,
    stdout: /Nothing imported: no valid records/,
  },
  {
    name: 'import with a missing metadata file',
    args: () => ['import', SEQUENCES, '--metadata', join(files.dir, 'nope.tsv'), '--quiet'],
    code: 2,
    stderr: /nope\.tsv/,
  },
  { name: 'qc of an unknown dataset id', args: () => ['qc', '42'], code: 2, stderr: /id 42/ },
  {
    name: 'qc of an unknown dataset name',
    args: () => ['qc', 'no-such-dataset', '--quiet'],
    code: 2,
    stderr: /no-such-dataset/,
  },
  {
    name: 'qc with a bad --format',
    args: () => ['qc', '1', '--format', 'xml'],
    code: 2,
    stderr: /--format must be/,
  },
  {
    name: 'qc with an unknown pathogen',
    args: () => ['qc', '1', '--pathogen', 'ebola', '--quiet'],
    code: 2,
    stderr: /ebola/,
  },
  {
    name: 'mutations --out in a missing folder',
    args: () => ['mutations', '1', '--out', join(files.dir, 'no-folder', 'calls.tsv')],
    code: 2,
    stderr: /no-folder/,
  },
  {
    name: 'cluster with a bad --k',
    args: () => ['cluster', '1', '--k', '1'],
    code: 2,
    stderr: /--k must be/,
  },
  {
    name: 'cluster with an unknown label column',
    args: () => ['cluster', '1', '--label-column', 'colour', '--quiet'],
    code: 2,
    stderr: /no metadata column 'colour'/,
  },
  {
    name: 'train with an unknown label column',
    args: () => ['train', '1', '--labels', 'colour', '--quiet'],
    code: 2,
    stderr: /colour/,
  },
  {
    name: 'classify of a missing file',
    args: () => ['classify', files.missing],
    code: 2,
    stderr: /missing\.fasta/,
  },
  {
    name: 'classify with an unknown model',
    args: () => ['classify', SEQUENCES, '--model', 'no-such-model'],
    code: 2,
    stderr: /no-such-model/,
  },
  {
    name: 'models import of a missing bundle',
    args: () => ['models', 'import', join(files.dir, 'missing.zip')],
    code: 2,
    stderr: /missing\.zip/,
  },
  // 130: cancelled
  {
    name: 'import interrupted',
    args: () => ['import', files.big],
    interruptOn: /Importing/,
    code: 130,
    stderr: /Import cancelled/,
  },
  {
    name: 'qc interrupted while aligning',
    args: () => ['qc', files.bigToAlign],
    interruptOn: /Aligning/,
    code: 130,
    stderr: /Analysis cancelled/,
  },
  {
    name: 'cluster interrupted',
    args: () => ['cluster', '1'],
    interruptOn: /Aligning|Clustering/,
    code: 130,
    stderr: /(Alignment|Clustering) cancelled/,
  },
  {
    name: 'train interrupted',
    args: () => ['train', '1', '--labels', 'clade', '--out', join(files.dir, 'model.zip')],
    interruptOn: /Training on/,
    code: 130,
    stderr: /Training interrupted/,
  },
  {
    name: 'classify interrupted',
    args: () => ['classify', files.big, '--out', join(files.dir, 'calls.tsv')],
    interruptOn: /Classifying/,
    code: 130,
    stderr: /Classification interrupted/,
  },
];

describe('variantdesk exit codes', () => {
  it.concurrent.each(rows)('$name exits $code', async (row) => {
    const outcome = await cli(row.dataDir?.() ?? files.data, row.args(), row.interruptOn);
    expect({ code: outcome.code, signal: outcome.signal }).toEqual({
      code: row.code,
      signal: null,
    });
    if (row.stderr) expect(outcome.stderr).toMatch(row.stderr);
    if (row.stdout) expect(outcome.stdout).toMatch(row.stdout);
  });
});

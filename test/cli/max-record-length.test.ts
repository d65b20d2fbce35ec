/**
 * The global --max-record-length flag: validated with a message naming it (exit 2), and
 * honoured by import (through the core) and by classify (which reads files directly).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const SHIPPED = resolve(import.meta.dirname, '../../models/sars-cov-2-clade.zip');
const REFERENCE = resolve(
  import.meta.dirname,
  '../../resources/pathogens/sars-cov-2/reference.fasta',
);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [CLI, '--data-dir', join(tempDir(), 'data'), ...args],
      { maxBuffer: 16 << 20 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The SARS-CoV-2 reference (29,903 bases) as 'long', and its first 15,000 bases as 'short'. */
function writeReads(): string {
  const genome = readFileSync(REFERENCE, 'utf8').split('\n').slice(1).join('');
  const path = join(tempDir(), 'reads.fa');
  writeFileSync(path, `>long\n${genome}\n>short\n${genome.slice(0, 15_000)}\n`);
  return path;
}

describe('--max-record-length', () => {
  it.each([
    ['0', "--max-record-length must be an integer >= 1 (got '0')"],
    ['lots', "--max-record-length must be an integer >= 1 (got 'lots')"],
    ['2000000000', "--max-record-length must be at most 1,000,000,000 bases (got '2000000000')"],
  ])('refuses %s with exit code 2', async (value, message) => {
    const { code, stderr } = await cli('--max-record-length', value, 'datasets');
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('import refuses the record over the limit and imports the rest', async () => {
    const reads = writeReads();
    const { code, stdout } = await cli('--max-record-length', '20000', 'import', reads, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { records: unknown; errors: unknown[] };
    expect(report.records).toEqual({ total: 2, valid: 1, invalid: 1 });
    expect(report.errors).toEqual([
      {
        file: 'reads.fa',
        line: 1,
        recordId: 'long',
        code: 'record-too-long',
        reason: 'sequence longer than the 20,000-base limit (set --max-record-length)',
      },
    ]);
  });

  it('classify skips the record over the limit with a warning naming it', async () => {
    const reads = writeReads();
    const args = ['classify', reads, '--model', SHIPPED];
    const { code, stdout, stderr } = await cli('--max-record-length', '20000', ...args);
    expect(code).toBe(0);
    const ids = stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0]);
    expect(ids).toEqual(['short']);
    expect(stderr).toContain(
      'reads.fa:1: sequence longer than the 20,000-base limit (set --max-record-length) (skipped)',
    );
    const unlimited = await cli(...args);
    expect(unlimited.stdout.trimEnd().split('\n')).toHaveLength(3);
  });
});

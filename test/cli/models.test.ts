import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');

describe('variantdesk models', () => {
  it('lists the shipped models as production, imports idempotently, refuses a corrupt bundle', async () => {
    const dataDir = join(tempDir(), 'data');
    const cli = (...args: string[]) => run(process.execPath, [CLI, '--data-dir', dataDir, ...args]);
    const { stdout } = await cli('models');
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+model\s+pathogen\s+task\s+accuracy\s+macro-F1/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[1])).toEqual([
      'flu-h3n2-ha-clade@1.0.0',
      'rsv-a-clade@1.0.0',
      'sars-cov-2-clade@1.0.0',
    ]);
    expect(lines.slice(1).every((l) => l.endsWith('production'))).toBe(true);
    const json = JSON.parse((await cli('models', '--pathogen', 'rsv-a', '--json')).stdout);
    expect(json).toHaveLength(1);
    const again = await cli(
      'models',
      'import',
      resolve(import.meta.dirname, '../../models/rsv-a-clade.zip'),
    );
    expect(again.stdout).toMatch(/^Already registered: model #\d+ rsv-a-clade@1\.0\.0/);
    const corrupt = join(tempDir(), 'corrupt.zip');
    writeFileSync(corrupt, 'PK\u0003\u0004 not really a zip');
    await expect(cli('models', 'import', corrupt)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('corrupt.zip'),
    });
  });
});

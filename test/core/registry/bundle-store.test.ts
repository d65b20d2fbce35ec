/**
 * The registry's copy of a bundle (`<data>/models/<sha256>.zip`) is all or nothing: a copy
 * that fails part-way (here: the file-size limit of `ulimit -f`, as a full disk would) leaves
 * no half-written file under any name, and nothing registered.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { tempDir } from '../../helpers/genomes';

const run = promisify(execFile);
const CHILD = resolve(import.meta.dirname, 'import-with-file-limit.ts');
const RSV_BUNDLE = resolve(import.meta.dirname, '../../../models/rsv-a-clade.zip');
const LIMIT_KB = 1024;

describe('the bundle copy in the data directory', () => {
  it('leaves no partial file when the copy fails part-way', async () => {
    expect(statSync(RSV_BUNDLE).size).toBeGreaterThan(LIMIT_KB * 1024);
    const dataDir = join(tempDir(), 'data');
    const { stdout } = await run('bash', [
      '-c',
      `ulimit -f ${LIMIT_KB} && exec "$0" --import tsx "$@"`,
      process.execPath,
      CHILD,
      dataDir,
      RSV_BUNDLE,
    ]);
    expect(stdout).toMatch(/^refused: .*models\/[0-9a-f]{64}\.zip.*EFBIG/);
    const models = join(dataDir, 'models');
    expect(existsSync(models) ? readdirSync(models) : []).toEqual([]);
    const core = new VariantDeskCore(dataDir, []);
    try {
      expect(await core.call('listModels', {})).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);
});

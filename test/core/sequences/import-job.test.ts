/** The core's record limit reaches the import worker; a bad limit is refused at start. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { tempDir } from '../../helpers/genomes';

const cores: VariantDeskCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

describe('VariantDeskCore maxRecordLength', () => {
  it('refuses records over the configured limit in an import job and imports the rest', async () => {
    const dir = tempDir();
    const path = join(dir, 'reads.fa');
    writeFileSync(path, `>short\nACGTACGT\n>long\n${'ACGT'.repeat(30)}\n`);
    const core = new VariantDeskCore(join(dir, 'data'), { modelDirs: [], maxRecordLength: 100 });
    cores.push(core);
    const { jobId } = await core.call('importFiles', { files: [{ path }] });
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('done');
    const result = job.kind === 'import' ? job.result : null;
    expect(result?.records).toEqual({ total: 2, valid: 1, invalid: 1 });
    expect(result?.errors).toEqual([
      {
        file: 'reads.fa',
        line: 3,
        recordId: 'long',
        code: 'record-too-long',
        reason: 'sequence longer than the 100-base limit (set --max-record-length)',
      },
    ]);
  });

  it.each([0, -5, 1.5, Number.NaN, 2_000_000_000])(
    'refuses maxRecordLength %s',
    (maxRecordLength) => {
      const dataDir = join(tempDir(), 'data');
      expect(() => new VariantDeskCore(dataDir, { modelDirs: [], maxRecordLength })).toThrow(
        InvalidInputError,
      );
      expect(() => new VariantDeskCore(dataDir, { modelDirs: [], maxRecordLength })).toThrow(
        /maxRecordLength must be a positive whole number of bases/,
      );
    },
  );
});

/**
 * Importing a model bundle runs its model once before registering it: a bundle whose
 * checksums are right but whose model.onnx does not load, or does not give one probability
 * per label, is refused by the registry and by `variantdesk models import`, and leaves
 * nothing registered and nothing copied into the data directory.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../src/core/bundles';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { tempDir } from '../../helpers/genomes';
import { extraLabelBundle, FLU_BUNDLE, FLU_LABELS, truncatedModelBundle } from './broken-model-bundles';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../../bin/variantdesk.mjs');

const storedBundles = (dataDir: string): string[] =>
  existsSync(join(dataDir, 'models')) ? readdirSync(join(dataDir, 'models')).sort() : [];

let bundles: string;
beforeAll(() => {
  bundles = tempDir();
});

describe('importing a bundle whose model cannot serve', () => {
  let core: VariantDeskCore;
  beforeAll(() => {
    core = new VariantDeskCore(join(tempDir(), 'data'), []);
  });
  afterAll(async () => {
    await core.close();
  });

  it('passes verification, so only the load check can refuse it', async () => {
    for (const path of [truncatedModelBundle(bundles), extraLabelBundle(bundles)])
      await expect(readBundle(path)).resolves.toMatchObject({ manifest: { version: '1.0.1-broken' } });
  });

  it('refuses a truncated model.onnx with the reason and keeps nothing', async () => {
    const path = truncatedModelBundle(bundles);
    await expect(
      core.call('importModel', { file: { path, name: 'truncated-model.zip' } }),
    ).rejects.toThrow(/^truncated-model\.zip: model\.onnx does not load: \S/);
    expect(await core.call('listModels', {})).toEqual([]);
    expect(storedBundles(core.dataDir)).toEqual([]);
  });

  it('refuses a model with fewer outputs than labels, naming both counts', async () => {
    const path = extraLabelBundle(bundles);
    await expect(core.call('importModel', { file: { path, name: 'extra-label.zip' } })).rejects.toThrow(
      `extra-label.zip: model.onnx gives ${FLU_LABELS} probabilities but the label map has ${FLU_LABELS + 1}`,
    );
    expect(await core.call('listModels', {})).toEqual([]);
    expect(storedBundles(core.dataDir)).toEqual([]);
  });

  it('still registers a bundle whose model runs', async () => {
    const { model } = await core.call('importModel', { file: { path: FLU_BUNDLE } });
    expect(model).toMatchObject({ name: 'flu-h3n2-ha-clade', labels: expect.any(Array) });
    expect(model.labels).toHaveLength(FLU_LABELS);
    expect(storedBundles(core.dataDir)).toEqual([`${model.bundleSha256}.zip`]);
  });

  it('registers a bundle imported twice at once a single time', async () => {
    const other = new VariantDeskCore(join(tempDir(), 'data'), []);
    try {
      const file = { path: FLU_BUNDLE };
      const results = await Promise.all([
        other.call('importModel', { file }),
        other.call('importModel', { file }),
      ]);
      expect(results.map((r) => r.alreadyRegistered).sort()).toEqual([false, true]);
      expect(results[0]!.model.id).toBe(results[1]!.model.id);
      expect(await other.call('listModels', {})).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('variantdesk models import', () => {
  it('exits 2 with the reason for each broken model, and registers and copies nothing', async () => {
    const dataDir = join(tempDir(), 'data');
    const cli = (...args: string[]) => run(process.execPath, [CLI, '--data-dir', dataDir, ...args]);
    const before = JSON.parse((await cli('models', '--json')).stdout) as unknown[];
    const stored = storedBundles(dataDir);
    expect(stored).toHaveLength(before.length);
    const cases: [string, RegExp][] = [
      [truncatedModelBundle(bundles, 'cli-truncated.zip'), /cli-truncated\.zip: model\.onnx does not load: /],
      [
        extraLabelBundle(bundles, 'cli-extra-label.zip'),
        /cli-extra-label\.zip: model\.onnx gives 48 probabilities but the label map has 49/,
      ],
    ];
    for (const [path, reason] of cases)
      await expect(cli('models', 'import', path)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringMatching(reason),
      });
    expect(JSON.parse((await cli('models', '--json')).stdout)).toEqual(before);
    expect(storedBundles(dataDir)).toEqual(stored);
  }, 60_000);
});

/**
 * The model registry: bundled models registered once with a production alias, bundles
 * imported after verification (a corrupt one refused with its reason), and a bundle copied
 * from another data directory classifying exactly as it did there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { readSequences } from '../../../src/core/sequences/reader';
import { tempDir } from '../../helpers/genomes';

const ROOT = resolve(import.meta.dirname, '../../..');
const MODELS = join(ROOT, 'models');
const SC2_BUNDLE = join(MODELS, 'sars-cov-2-clade.zip');
let core: VariantDeskCore;

/** The SARS-CoV-2 bundle with its manifest edited (manifest.json carries no checksum). */
function editedBundle(edit: (manifest: Record<string, unknown>) => void, name: string): string {
  const entries = unzipSync(readFileSync(SC2_BUNDLE));
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>;
  edit(manifest);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  const path = join(tempDir(), name);
  writeFileSync(path, zipSync(entries));
  return path;
}

async function exampleRecords(count: number): Promise<{ id: string; sequence: string }[]> {
  const records: { id: string; sequence: string }[] = [];
  for await (const events of readSequences(join(ROOT, 'resources/examples/sars-cov-2/sequences.fasta.gz')))
    for (const event of events)
      if (event.type === 'record' && records.length < count)
        records.push({ id: event.record.id, sequence: event.record.sequence });
  return records;
}

beforeAll(() => {
  core = new VariantDeskCore(join(tempDir(), 'data'), [MODELS]);
});

afterAll(async () => {
  await core.close();
});

describe('the model registry', () => {
  it('registers the bundled models once, each its pathogen production model', async () => {
    const models = await core.call('listModels', {});
    expect(models.map((m) => `${m.name}@${m.version}`).sort()).toEqual([
      'flu-h3n2-ha-clade@1.0.0',
      'rsv-a-clade@1.0.0',
      'sars-cov-2-clade@1.0.0',
    ]);
    for (const model of models) {
      expect(model.aliases).toEqual(['production']);
      expect(model.source).toBe('bundled');
      expect(model.headline.accuracy).toBeGreaterThan(0.9);
      expect(model.labels.length).toBeGreaterThan(2);
    }
    expect(core.currentModels()).toHaveLength(3);
    // Opening the same data directory again registers nothing new.
    const again = new VariantDeskCore(core.dataDir, [MODELS]);
    expect((await again.call('listModels', {})).map((m) => m.id)).toEqual(models.map((m) => m.id));
    await again.close();
    const sc2 = await core.call('listModels', { pathogenId: 'sars-cov-2' });
    expect(sc2).toHaveLength(1);
    const detail = await core.call('getModel', { modelId: sc2[0]!.id });
    expect(detail.perClass.length).toBe(detail.labels.length);
    expect(detail.trainingDataSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports a new version without taking production from the current one', async () => {
    const path = editedBundle((m) => (m.version = '1.0.1'), 'sc2-1.0.1.zip');
    const { model, alreadyRegistered } = await core.call('importModel', { file: { path } });
    expect(alreadyRegistered).toBe(false);
    expect(model).toMatchObject({ version: '1.0.1', source: 'imported', aliases: [] });
    expect(core.models.production('sars-cov-2')!.version).toBe('1.0.0');
    // The same file again is recognised, not registered twice.
    expect((await core.call('importModel', { file: { path } })).alreadyRegistered).toBe(true);
    const sc2 = await core.call('listModels', { pathogenId: 'sars-cov-2' });
    expect(sc2.map((m) => m.version)).toEqual(['1.0.1', '1.0.0']);
  });

  it('refuses a corrupt bundle and a different bundle under a registered version', async () => {
    const entries = unzipSync(readFileSync(SC2_BUNDLE));
    entries['model.onnx']![200]! ^= 1;
    const tampered = join(tempDir(), 'tampered.zip');
    writeFileSync(tampered, zipSync(entries));
    await expect(
      core.call('importModel', { file: { path: tampered, name: 'tampered.zip' } }),
    ).rejects.toThrow(/tampered\.zip.*model\.onnx.*sha256/s);
    const notZip = join(tempDir(), 'not-a-bundle.zip');
    writeFileSync(notZip, 'hello');
    await expect(core.call('importModel', { file: { path: notZip } })).rejects.toThrow(
      /not-a-bundle\.zip/,
    );
    const sameVersion = editedBundle((m) => (m.createdAt = '2026-01-01T00:00:00Z'), 'same.zip');
    await expect(core.call('importModel', { file: { path: sameVersion } })).rejects.toThrow(
      /already registered with different content/,
    );
    expect(await core.call('listModels', { pathogenId: 'sars-cov-2' })).toHaveLength(2);
  });

  it('classifies identically with the bundle copied from another data directory', async () => {
    const records = await exampleRecords(40);
    const here = await core.classifyRecords(records, { pathogenId: 'sars-cov-2' });
    // Another machine: a data directory with no bundled models, given the stored bundle file.
    const elsewhere = new VariantDeskCore(join(tempDir(), 'other'), []);
    try {
      expect(await elsewhere.call('listModels', {})).toEqual([]);
      const { model } = await elsewhere.call('importModel', {
        file: { path: core.models.bundlePath(here.model.id) },
      });
      expect(model.aliases).toEqual(['production']);
      expect(model.bundleSha256).toBe(here.model.bundleSha256);
      const there = await elsewhere.classifyRecords(records, { modelId: model.id });
      expect(there.predictions).toEqual(here.predictions);
      expect(here.predictions.filter((p) => p.status === 'assigned').length).toBeGreaterThan(30);
    } finally {
      await elsewhere.close();
    }
  }, 60_000);

  it('opens with a corrupt shipped bundle left out and the others registered', async () => {
    const shipped = tempDir();
    writeFileSync(join(shipped, 'broken.zip'), 'not a zip');
    writeFileSync(join(shipped, 'rsv-a-clade.zip'), readFileSync(join(MODELS, 'rsv-a-clade.zip')));
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const other = new VariantDeskCore(join(tempDir(), 'data'), [shipped]);
      expect((await other.call('listModels', {})).map((m) => m.name)).toEqual(['rsv-a-clade']);
      await other.close();
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual([expect.stringMatching(/not registered: .*broken\.zip: not a zip/)]);
  });

  it('names what is missing when a pathogen has no model', async () => {
    const empty = new VariantDeskCore(join(tempDir(), 'empty'), []);
    try {
      await expect(
        empty.classifyRecords([{ id: 'a', sequence: 'ACGT' }], { pathogenId: 'rsv-a' }),
      ).rejects.toThrow(/no production model for pathogen 'rsv-a' \(models exist for: none\)/);
      await expect(empty.classifyRecords([])).rejects.toThrow(/no sequences to classify/);
    } finally {
      await empty.close();
    }
  });
});

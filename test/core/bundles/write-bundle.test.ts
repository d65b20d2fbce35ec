import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BundleError,
  labelsInOrder,
  readBundle,
  writeBundle,
  writeBundleFile,
} from '../../../src/core/bundles';
import { sampleFiles, sampleManifest, sha256 } from './bundle-fixtures';

const directories: string[] = [];
async function freshDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'variantdesk-bundle-'));
  directories.push(directory);
  return directory;
}
afterAll(async () => {
  await Promise.all(directories.map((d) => rm(d, { recursive: true, force: true })));
});

function refusal(run: () => unknown): BundleError {
  try {
    run();
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
  throw new Error('expected a BundleError');
}

describe('writeBundle', () => {
  it('round-trips the manifest and every file, listing each with its sha256 and size', async () => {
    const files = sampleFiles();
    const { manifest, files: read } = await readBundle(writeBundle(sampleManifest(), files));
    expect(read).toEqual(files);
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.files['model.onnx']).toEqual({
      sha256: sha256(files['model.onnx']!),
      size: 3000,
    });
    expect(Object.keys(manifest.files)).toEqual(['exemplars.tsv', 'model.onnx', 'reference.fasta']);
    // Featurizer defaults are written out, so the bundle does not depend on today's defaults.
    expect(manifest.featurizer).toEqual({
      kind: 'kmer',
      k: 4,
      dimension: 256,
      normalize: 'l2',
      canonical: true,
    });
    expect(manifest.metrics).toEqual(sampleManifest().metrics);
    expect(labelsInOrder(manifest)).toEqual(['20I', '21J', '21K']);
  });

  it('writes manifest.json first, then the files sorted by path', () => {
    const names: string[] = [];
    unzipSync(writeBundle(sampleManifest(), sampleFiles()), {
      filter: ({ name }) => (names.push(name), false),
    });
    expect(names).toEqual(['manifest.json', 'exemplars.tsv', 'model.onnx', 'reference.fasta']);
  });

  it('gives identical bytes for the same input, whatever the file order and time zone', () => {
    const savedZone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const first = writeBundle(sampleManifest(), sampleFiles());
      process.env.TZ = 'Pacific/Kiritimati';
      const reversed = Object.fromEntries(Object.entries(sampleFiles()).reverse());
      const second = writeBundle(sampleManifest(), reversed);
      expect(sha256(second)).toBe(sha256(first));
    } finally {
      if (savedZone === undefined) delete process.env.TZ;
      else process.env.TZ = savedZone;
    }
  });

  it('refuses unsafe file names, a file called manifest.json, and a bundle without model.onnx', () => {
    const withFile = (name: string) => ({ ...sampleFiles(), [name]: new Uint8Array(1) });
    const unsafe = refusal(() => writeBundle(sampleManifest(), withFile('../evil.sh')));
    expect(unsafe.reason).toBe('unsafe-path');
    expect(unsafe.message).toContain('../evil.sh');
    expect(refusal(() => writeBundle(sampleManifest(), withFile('manifest.json'))).reason).toBe(
      'unsafe-path',
    );
    const { 'model.onnx': _model, ...noModel } = sampleFiles();
    const missing = refusal(() => writeBundle(sampleManifest(), noModel, 'clades.vdbundle'));
    expect(missing.reason).toBe('invalid-manifest');
    expect(missing.message).toMatch(/^clades\.vdbundle: manifest\.json: .*model\.onnx/s);
  });

  it('refuses metrics that JSON cannot carry, instead of writing them changed', () => {
    const error = refusal(() =>
      writeBundle({ ...sampleManifest(), metrics: { auc: Number.NaN } }, sampleFiles()),
    );
    expect(error.reason).toBe('invalid-manifest');
    expect(error.message).toContain('metrics.auc');
  });

  it('refuses an invalid manifest with the field at fault', () => {
    const error = refusal(() =>
      writeBundle({ ...sampleManifest(), confidenceThreshold: 1.5 }, sampleFiles()),
    );
    expect(error.reason).toBe('invalid-manifest');
    expect(error.message).toContain('confidenceThreshold');
  });
});

describe('writeBundleFile', () => {
  it('writes atomically, leaving no temporary file, and replaces an existing bundle', async () => {
    const directory = await freshDirectory();
    const path = join(directory, 'clades.vdbundle');
    await writeBundleFile(path, { ...sampleManifest(), version: '1' }, sampleFiles());
    const bytes = await writeBundleFile(path, sampleManifest(), sampleFiles());
    expect(await readdir(directory)).toEqual(['clades.vdbundle']);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    expect((await readBundle(path)).manifest.version).toBe('3');
  });

  it('writes nothing when the bundle is refused', async () => {
    const directory = await freshDirectory();
    const path = join(directory, 'bad.vdbundle');
    await expect(
      writeBundleFile(path, sampleManifest(), { ...sampleFiles(), '/etc/x': new Uint8Array(1) }),
    ).rejects.toThrow(BundleError);
    expect(await readdir(directory)).toEqual([]);
  });

  it('reads identically after the bundle is copied to another directory', async () => {
    const directory = await freshDirectory();
    const path = join(directory, 'clades.vdbundle');
    await writeBundleFile(path, sampleManifest(), sampleFiles());
    await mkdir(join(directory, 'elsewhere'));
    const copy = join(directory, 'elsewhere', 'renamed.zip');
    await copyFile(path, copy);
    expect(await readBundle(copy)).toEqual(await readBundle(path));
  });
});

/** A small valid bundle's parts, and zips crafted by hand to break it one way at a time. */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { BundleManifestContentInput } from '../../../src/core/bundles';

export const sampleManifest = (): Omit<BundleManifestContentInput, 'formatVersion'> => ({
  name: 'sars-cov-2-clades',
  version: '3',
  task: 'clade',
  labels: { '0': '20I', '1': '21J', '2': '21K' },
  featurizer: { kind: 'kmer', k: 4 },
  reference: { id: 'MN908947.3', sha256: 'a'.repeat(64) },
  calibration: { temperature: 1.3 },
  confidenceThreshold: 0.7,
  trainingDataSha256: 'b'.repeat(64),
  model: { family: 'softmax', parameters: { epochs: 20, learningRate: 0.01 } },
  metrics: { accuracy: 0.97, perClass: { '20I': { recall: 0.95 } } },
  createdAt: '2026-11-25T10:00:00.000Z',
  toolVersion: '0.1.0',
});

const encoder = new TextEncoder();
export const sampleFiles = (): Record<string, Uint8Array> => ({
  'model.onnx': Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251),
  'reference.fasta': encoder.encode('>MN908947.3\nACGTACGTNNACGT\n'),
  'exemplars.tsv': encoder.encode('name\tclade\nseq1\t20I\n'),
});

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The manifest JSON `writeBundle` would write, with `files` filled in from `files`. */
export function manifestJson(
  files: Record<string, Uint8Array>,
  override: Record<string, unknown> = {},
): Record<string, unknown> {
  const listed = Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [
      name,
      { sha256: sha256(bytes), size: bytes.length },
    ]),
  );
  return {
    formatVersion: 1,
    ...sampleManifest(),
    featurizer: { kind: 'kmer', k: 4, dimension: 256, normalize: 'l2', canonical: true },
    files: listed,
    ...override,
  };
}

/** A zip of exactly these entries (a manifest given as an object is JSON-encoded). */
export function craftZip(
  entries: Record<string, Uint8Array | Record<string, unknown>>,
): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, value] of Object.entries(entries))
    zippable[name] = value instanceof Uint8Array ? value : encoder.encode(JSON.stringify(value));
  return zipSync(zippable, { mtime: new Date(1980, 0, 1) });
}

/** Offset of the central directory header of the entry named `name`. */
export function centralHeaderOffset(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = encoder.encode(name);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const length = view.getUint16(i + 28, true);
    const found = zip.subarray(i + 46, i + 46 + length);
    if (found.length === wanted.length && found.every((b, j) => b === wanted[j])) return i;
  }
  throw new Error(`no central directory entry ${name}`);
}

/** Rewrites the uncompressed size the central directory declares for `name`. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint32(centralHeaderOffset(copy, name) + 24, size, true);
  return copy;
}

/** Rewrites the compression method the central directory declares for `name`. */
export function withCompressionMethod(zip: Uint8Array, name: string, method: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint16(centralHeaderOffset(copy, name) + 10, method, true);
  return copy;
}

/** Makes `name`'s deflate stream start with a reserved block type, so it cannot inflate. */
export function withCorruptData(zip: Uint8Array, name: string): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const local = view.getUint32(centralHeaderOffset(copy, name) + 42, true);
  const dataStart =
    local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  copy[dataStart] = 0b111; // BFINAL = 1, BTYPE = 11 (reserved)
  return copy;
}

/** Renames an entry in the central directory (same length), e.g. to forge a duplicate. */
export function withRenamedEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('rename keeps the length');
  const copy = zip.slice();
  copy.set(encoder.encode(to), centralHeaderOffset(copy, from) + 46);
  return copy;
}

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
  // Scan from the directory the end record points at (the whole file if that is forged).
  const end = zip.length - 22;
  const start =
    end >= 0 && view.getUint32(end, true) === 0x06054b50 ? view.getUint32(end + 16, true) : 0;
  for (let i = start < zip.length ? start : 0; i + 46 <= zip.length; i++) {
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

/**
 * Makes `name`'s central directory record say: stored, `size` bytes, its data that of
 * `target` (in place: overlapping entries, the zip bomb that needs no compression).
 */
export function withStoredOverlap(
  zip: Uint8Array,
  name: string,
  target: string,
  size: number,
): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = centralHeaderOffset(zip, name);
  const targetAt = centralHeaderOffset(zip, target);
  view.setUint16(at + 10, 0, true);
  view.setUint32(at + 20, view.getUint32(targetAt + 20, true), true); // compressed size
  view.setUint32(at + 24, size, true);
  view.setUint32(at + 42, view.getUint32(targetAt + 42, true), true); // local header
}

/**
 * A raw deflate stream of one fixed-Huffman block: a zero byte, then `matches` copies of
 * <length 258, distance 1>, so it inflates to 1 + 258 * matches zeros from ~13 bits each.
 */
export function zeroRunDeflate(matches: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + 7) / 8) + 1);
  let bit = 0;
  const write = (value: number, count: number): void => {
    for (let i = 0; i < count; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first.
  const writeCode = (code: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--, bit++)
      if ((code >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  write(1, 1); // BFINAL
  write(1, 2); // BTYPE 01: fixed Huffman codes
  writeCode(0b00110000, 8); // literal 0
  for (let i = 0; i < matches; i++) {
    writeCode(0b11000101, 8); // length symbol 285: 258
    writeCode(0, 5); // distance code 0: 1
  }
  writeCode(0, 7); // end of block (symbol 256)
  return out.subarray(0, Math.ceil(bit / 8));
}

/**
 * The zip layer of a bundle: the central directory read and checked (names, duplicates,
 * compression, declared sizes, where the data lies) before a byte is inflated, then every
 * entry inflated no further than its declared size.
 */
import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { BundleError } from './bundle-error';
import { MANIFEST_ENTRY, unsafeEntryPathProblem } from './entry-paths';
import {
  entryData,
  MAX_BUNDLE_ENTRIES,
  readZipDirectory,
  type ZipEntryRecord,
} from './zip-directory';

export { MAX_BUNDLE_ENTRIES };

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export type ZipEntryHeader = ZipEntryRecord;

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

function checkEntry(bytes: Uint8Array, entry: ZipEntryRecord, bundle: string): void {
  const { name, compression, compressedSize, size } = entry;
  if (compression !== 0 && compression !== 8)
    throw new BundleError(
      'unsupported-compression',
      bundle,
      `compression method ${compression} (only stored and deflate are read)`,
      name,
    );
  // Stored data is its content: any other size is a forged record (or overlapping ones).
  if (compression === 0 && compressedSize !== size)
    throw new BundleError(
      'corrupt-entry',
      bundle,
      `a stored entry of ${plural(compressedSize, 'byte')} declares ${plural(size, 'byte')}`,
      name,
    );
  entryData(bytes, entry, bundle);
}

/**
 * The central directory's entries, checked before any is inflated: safe unique names,
 * stored or deflate, declared sizes summing to at most `maxTotalBytes`, data inside the
 * file, a manifest present.
 */
export function checkZipEntries(
  bytes: Uint8Array,
  bundle: string,
  maxTotalBytes: number,
): ZipEntryHeader[] {
  const entries = readZipDirectory(bytes, bundle);
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const { name, size } = entry;
    const problem = unsafeEntryPathProblem(name);
    if (problem) throw new BundleError('unsafe-path', bundle, problem, JSON.stringify(name));
    if (seen.has(name))
      throw new BundleError('duplicate-entry', bundle, 'appears more than once', name);
    seen.add(name);
    checkEntry(bytes, entry, bundle);
    total += size;
    if (total > maxTotalBytes)
      throw new BundleError(
        'too-large',
        bundle,
        `entries would inflate past the limit of ${maxTotalBytes} bytes (at ${name}, declared ${size} bytes)`,
        name,
      );
  }
  if (!seen.has(MANIFEST_ENTRY))
    throw new BundleError('missing-manifest', bundle, `no ${MANIFEST_ENTRY}: not a model bundle`);
  return entries;
}

/** Deflate input per step: one step inflates to at most ~1,032 times this. */
const INFLATE_STEP_BYTES = 16 * 1024;

/** `data` inflated step by step, stopping once `size` bytes are out; cut there. */
function inflateCut(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    const taken = Math.min(chunk.length, size - written);
    out.set(chunk.subarray(0, taken), written);
    written += taken;
  });
  let at = 0;
  do {
    const end = Math.min(at + INFLATE_STEP_BYTES, data.length);
    inflater.push(data.subarray(at, end), end === data.length);
    at = end;
  } while (at < data.length && written < size);
  return written === size ? out : out.slice(0, written);
}

const isTooLarge = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === 'ERR_BUFFER_TOO_LARGE';

/**
 * `data` inflated, cut at `size` bytes. zlib stops as soon as the output passes `size`, so
 * data that would inflate far past its declared size costs no more than the size allows;
 * only then is the cut made (step by step) for the checks against the manifest.
 */
function inflateUpTo(data: Uint8Array, size: number): Uint8Array {
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  } catch (error) {
    if (isTooLarge(error)) return inflateCut(data, size);
    throw error;
  }
  if (inflated.length > size) return new Uint8Array(0); // only for size 0
  // Small outputs share Node's buffer pool: copy those out of it.
  const ownsBuffer = inflated.byteOffset === 0 && inflated.buffer.byteLength === inflated.length;
  return ownsBuffer
    ? new Uint8Array(inflated.buffer, 0, inflated.length)
    : new Uint8Array(inflated);
}

/** Every entry by name; refuses an entry that cannot be inflated, naming it. */
export function inflateZipEntries(
  bytes: Uint8Array,
  bundle: string,
  entries: readonly ZipEntryRecord[] = readZipDirectory(bytes, bundle),
): Record<string, Uint8Array> {
  const contents: Record<string, Uint8Array> = {};
  for (const entry of entries) {
    const data = entryData(bytes, entry, bundle);
    try {
      contents[entry.name] =
        // A copy (Buffer's slice would be a view of the whole file).
        entry.compression === 0 ? new Uint8Array(data) : inflateUpTo(data, entry.size);
    } catch (error) {
      throw new BundleError(
        'corrupt-entry',
        bundle,
        `cannot be decompressed (${messageOf(error)})`,
        entry.name,
        { cause: error },
      );
    }
  }
  return contents;
}

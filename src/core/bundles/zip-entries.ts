/**
 * The zip layer of a bundle: the central directory read and checked (names, duplicates,
 * compression, declared sizes) before a byte is inflated, then every entry inflated.
 */
import { unzipSync } from 'fflate';
import { BundleError } from './bundle-error';
import { MANIFEST_ENTRY, unsafeEntryPathProblem } from './entry-paths';

/** Most entries a bundle may have. */
export const MAX_BUNDLE_ENTRIES = 1000;

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export interface ZipEntryHeader {
  name: string;
  size: number;
  compression: number;
}

/**
 * The central directory's entries, checked before any is inflated: safe unique names,
 * stored or deflate, declared sizes summing to at most `maxTotalBytes`, a manifest present.
 */
export function checkZipEntries(
  bytes: Uint8Array,
  bundle: string,
  maxTotalBytes: number,
): ZipEntryHeader[] {
  const entries: ZipEntryHeader[] = [];
  try {
    unzipSync(bytes, {
      filter: ({ name, originalSize, compression }) => {
        // A forged directory can claim billions of entries: stop counting early.
        if (entries.length === MAX_BUNDLE_ENTRIES)
          throw new BundleError('too-large', bundle, `more than ${MAX_BUNDLE_ENTRIES} entries`);
        entries.push({ name, size: originalSize, compression });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError(
      'not-a-zip',
      bundle,
      `not a zip archive, or a corrupt one (${messageOf(error)})`,
      undefined,
      { cause: error },
    );
  }
  const seen = new Set<string>();
  let total = 0;
  for (const { name, size, compression } of entries) {
    const problem = unsafeEntryPathProblem(name);
    if (problem) throw new BundleError('unsafe-path', bundle, problem, JSON.stringify(name));
    if (seen.has(name))
      throw new BundleError('duplicate-entry', bundle, 'appears more than once', name);
    seen.add(name);
    if (compression !== 0 && compression !== 8)
      throw new BundleError(
        'unsupported-compression',
        bundle,
        `compression method ${compression} (only stored and deflate are read)`,
        name,
      );
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

/** Every entry by name; refuses an entry that cannot be inflated, naming it. */
export function inflateZipEntries(bytes: Uint8Array, bundle: string): Record<string, Uint8Array> {
  let current = '';
  try {
    // fflate inflates each entry into a buffer of the size the central directory declares
    // and never grows it, so the limit checked above bounds memory even when sizes lie.
    return unzipSync(bytes, {
      filter: ({ name }) => {
        current = name;
        return true;
      },
    });
  } catch (error) {
    throw new BundleError(
      'corrupt-entry',
      bundle,
      `cannot be decompressed (${messageOf(error)})`,
      current,
      { cause: error },
    );
  }
}

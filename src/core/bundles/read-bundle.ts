/**
 * Reads a model bundle and verifies all of it before anything is used: zip structure, safe
 * entry names, sizes within limits (from the central directory, before inflating), the
 * manifest's schema and format version, and that the entries are exactly the files the
 * manifest lists with their sizes and sha256.
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { BundleError } from './bundle-error';
import {
  bundleManifestSchema,
  SUPPORTED_BUNDLE_FORMAT_VERSIONS,
  type BundleManifest,
} from './bundle-manifest';
import { MANIFEST_ENTRY } from './entry-paths';
import { sha256Hex } from './write-bundle';
import { checkZipEntries, inflateZipEntries, MAX_BUNDLE_ENTRIES, messageOf } from './zip-entries';

/** Default limit on the uncompressed size of all entries together. */
export const DEFAULT_MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

export interface ReadBundleOptions {
  /** Limit on the total uncompressed size (default DEFAULT_MAX_BUNDLE_BYTES). */
  maxTotalBytes?: number;
  /** Names the bundle in errors (default: the path, or `bundle` for bytes). */
  name?: string;
}

/** A verified bundle: the manifest and every other entry by path. */
export interface Bundle {
  manifest: BundleManifest;
  files: Record<string, Uint8Array>;
}

/** Deeper JSON is refused before the schema, whose check recurses and would overflow. */
const MAX_MANIFEST_DEPTH = 64;

/** Where `json` nests deeper than `maxDepth` (a key path), or null. Iterative on purpose. */
function tooDeepAt(json: unknown, maxDepth: number): string[] | null {
  const pending: { value: unknown; path: string[] }[] = [{ value: json, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length === maxDepth) return path;
    for (const [key, child] of Object.entries(value))
      pending.push({ value: child, path: [...path, key] });
  }
  return null;
}

function parseManifest(raw: Uint8Array, bundle: string): BundleManifest {
  const invalid = (detail: string, cause?: unknown): BundleError =>
    new BundleError('invalid-manifest', bundle, detail, MANIFEST_ENTRY, { cause });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (error) {
    throw invalid(`not valid UTF-8 JSON (${messageOf(error)})`, error);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid('not a JSON object');
  const deep = tooDeepAt(json, MAX_MANIFEST_DEPTH);
  if (deep !== null)
    throw invalid(
      `nested deeper than ${MAX_MANIFEST_DEPTH} levels (at ${deep.slice(0, 4).join('.')}...)`,
    );
  const { formatVersion } = json as { formatVersion?: unknown };
  if (typeof formatVersion !== 'number') throw invalid('formatVersion is missing or not a number');
  if (!SUPPORTED_BUNDLE_FORMAT_VERSIONS.includes(formatVersion))
    throw new BundleError(
      'unsupported-format-version',
      bundle,
      `format version ${formatVersion} is not supported; this build reads format version ${SUPPORTED_BUNDLE_FORMAT_VERSIONS.join(', ')}`,
      MANIFEST_ENTRY,
    );
  const parsed = bundleManifestSchema.safeParse(json);
  if (!parsed.success)
    throw invalid(`invalid manifest:\n${z.prettifyError(parsed.error)}`, parsed.error);
  return parsed.data;
}

/**
 * Verifies and unpacks a bundle held in memory.
 * @throws BundleError with a `reason` and a message naming the bundle and the entry
 */
export function readBundleBytes(bytes: Uint8Array, options: ReadBundleOptions = {}): Bundle {
  const bundle = options.name ?? 'bundle';
  const entries = checkZipEntries(bytes, bundle, options.maxTotalBytes ?? DEFAULT_MAX_BUNDLE_BYTES);
  const contents = inflateZipEntries(bytes, bundle, entries);
  const manifest = parseManifest(contents[MANIFEST_ENTRY]!, bundle);

  for (const name of Object.keys(manifest.files))
    if (!(name in contents))
      throw new BundleError(
        'missing-file',
        bundle,
        'listed in the manifest but not in the bundle',
        name,
      );
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(contents)) {
    if (name === MANIFEST_ENTRY) continue;
    const listed = manifest.files[name];
    if (!listed)
      throw new BundleError(
        'unlisted-file',
        bundle,
        'in the bundle but not listed in the manifest',
        name,
      );
    if (data.length !== listed.size)
      throw new BundleError(
        'size-mismatch',
        bundle,
        `is ${data.length} bytes, the manifest says ${listed.size}`,
        name,
      );
    const actual = sha256Hex(data);
    if (actual !== listed.sha256)
      throw new BundleError(
        'checksum-mismatch',
        bundle,
        `sha256 is ${actual}, the manifest says ${listed.sha256}`,
        name,
      );
    files[name] = data;
  }
  return { manifest, files };
}

/**
 * Reads and verifies a bundle from a path, or from bytes.
 * @throws BundleError ('unreadable' when the file cannot be read, else as `readBundleBytes`)
 */
export async function readBundle(
  source: string | Uint8Array,
  options: ReadBundleOptions = {},
): Promise<Bundle> {
  if (typeof source !== 'string') return readBundleBytes(source, options);
  const bundle = options.name ?? source;
  const maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  let bytes: Uint8Array;
  try {
    // Compressed data outgrows its content only by headers and stored-block framing.
    const { size } = await stat(source);
    const slack = MAX_BUNDLE_ENTRIES * 1024 + Math.ceil(maxTotalBytes / 1000);
    if (size > maxTotalBytes + slack)
      throw new BundleError(
        'too-large',
        bundle,
        `the file is ${size} bytes, past the limit of ${maxTotalBytes}`,
      );
    bytes = await readFile(source);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('unreadable', bundle, `cannot be read (${messageOf(error)})`, undefined, {
      cause: error,
    });
  }
  return readBundleBytes(bytes, { ...options, name: bundle });
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BundleError,
  DEFAULT_MAX_BUNDLE_BYTES,
  readBundle,
  readBundleBytes,
  writeBundle,
  MAX_BUNDLE_ENTRIES,
  type BundleErrorReason,
} from '../../../src/core/bundles';
import {
  craftZip,
  manifestJson,
  sampleFiles,
  sampleManifest,
  withCompressionMethod,
  withCorruptData,
  withDeclaredSize,
  withRenamedEntry,
  withStoredOverlap,
  zeroRunDeflate,
} from './bundle-fixtures';

function refusal(bytes: Uint8Array, options = {}): BundleError {
  try {
    readBundleBytes(bytes, { name: 'clades.vdbundle', ...options });
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
  throw new Error('expected the bundle to be refused');
}

function expectRefused(bytes: Uint8Array, reason: BundleErrorReason, message: RegExp): void {
  const error = refusal(bytes);
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(/^clades\.vdbundle: /);
  expect(error.message).toMatch(message);
}

const files = sampleFiles();
const valid = (): Record<string, Uint8Array | Record<string, unknown>> => ({
  'manifest.json': manifestJson(files),
  ...files,
});

describe('readBundle refuses', () => {
  it('accepts the hand-made zip the refusals below start from', () => {
    expect(readBundleBytes(craftZip(valid())).files).toEqual(files);
  });

  it('bytes that are not a zip, and a truncated zip', () => {
    expectRefused(new TextEncoder().encode('>seq\nACGT\n'), 'not-a-zip', /not a zip archive/);
    const zip = craftZip(valid());
    expectRefused(zip.subarray(0, zip.length - 30), 'not-a-zip', /not a zip archive/);
  });

  it('an entry whose data cannot be inflated, naming it', () => {
    expectRefused(
      withCorruptData(craftZip(valid()), 'model.onnx'),
      'corrupt-entry',
      /model\.onnx: cannot be decompressed/,
    );
  });

  it('an unknown compression method', () => {
    expectRefused(
      withCompressionMethod(craftZip(valid()), 'model.onnx', 12),
      'unsupported-compression',
      /model\.onnx: compression method 12/,
    );
  });

  it('a zip without manifest.json', () => {
    expectRefused(craftZip(files), 'missing-manifest', /no manifest\.json/);
  });

  it('a manifest that is not JSON, or fails the schema, with the field at fault', () => {
    expectRefused(
      craftZip({ ...valid(), 'manifest.json': new TextEncoder().encode('{"formatVersion": 1,') }),
      'invalid-manifest',
      /manifest\.json: not valid UTF-8 JSON/,
    );
    const badThreshold = manifestJson(files, { confidenceThreshold: 'high' });
    expectRefused(
      craftZip({ ...valid(), 'manifest.json': badThreshold }),
      'invalid-manifest',
      /confidenceThreshold/,
    );
    const gappyLabels = manifestJson(files, { labels: { '0': 'A', '2': 'B' } });
    expectRefused(
      craftZip({ ...valid(), 'manifest.json': gappyLabels }),
      'invalid-manifest',
      /1 is missing/,
    );
    const badFeaturizer = manifestJson(files, { featurizer: { kind: 'codon-usage' } });
    expectRefused(
      craftZip({ ...valid(), 'manifest.json': badFeaturizer }),
      'invalid-manifest',
      /featurizer/,
    );
  });

  it('an unknown format version, saying which versions are read', () => {
    const future = manifestJson(files, { formatVersion: 2 });
    expectRefused(
      craftZip({ ...valid(), 'manifest.json': future }),
      'unsupported-format-version',
      /format version 2 is not supported; this build reads format version 1/,
    );
  });

  it.each([
    ['../model.onnx', /'\.\.'/],
    ['/etc/cron.d/job', /absolute path/],
    ['models\\model.onnx', /backslash/],
    ['C:/model.onnx', /drive letter/],
    ['a//b', /empty or '\.' segment/],
    ['.hidden', /letters, digits/],
  ])('an entry path that could escape the bundle: %s', (name, message) => {
    expectRefused(craftZip({ ...valid(), [name]: new Uint8Array(4) }), 'unsafe-path', message);
  });

  it('a name that appears twice, which would hide one entry behind the other', () => {
    const twice = withRenamedEntry(
      craftZip({ ...valid(), 'model.onnz': new Uint8Array(2) }),
      'model.onnz',
      'model.onnx',
    );
    expectRefused(twice, 'duplicate-entry', /model\.onnx: appears more than once/);
  });

  it(`more than ${MAX_BUNDLE_ENTRIES} entries`, () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_BUNDLE_ENTRIES; i++) many[`x${i}`] = new Uint8Array(0);
    expectRefused(craftZip({ ...valid(), ...many }), 'too-large', /more than 1000 entries/);
  });

  it('a file the manifest lists but the zip lacks, naming it', () => {
    const { 'exemplars.tsv': _dropped, ...rest } = valid();
    expectRefused(
      craftZip(rest),
      'missing-file',
      /exemplars\.tsv: listed in the manifest but not in the bundle/,
    );
  });

  it('a file in the zip the manifest does not list, naming it', () => {
    expectRefused(
      craftZip({ ...valid(), 'notes.txt': new Uint8Array(3) }),
      'unlisted-file',
      /notes\.txt: in the bundle but not listed/,
    );
  });

  it('a file whose size or sha256 differs from the manifest', () => {
    const longer = {
      ...valid(),
      'reference.fasta': new TextEncoder().encode('>MN908947.3\nACGTACGTNNACGTA\n'),
    };
    expectRefused(
      craftZip(longer),
      'size-mismatch',
      /reference\.fasta: is 28 bytes, the manifest says 27/,
    );
    const tampered = files['model.onnx']!.slice();
    tampered[100]! ^= 1;
    expectRefused(
      craftZip({ ...valid(), 'model.onnx': tampered }),
      'checksum-mismatch',
      /model\.onnx: sha256 is [0-9a-f]{64}, the manifest says/,
    );
  });

  it('entries declared larger than the limit, before inflating them', () => {
    expect(DEFAULT_MAX_BUNDLE_BYTES).toBe(200 * 1024 * 1024);
    // Its data is also corrupt: inflating before the size check would refuse it as corrupt.
    const bomb = withDeclaredSize(
      withCorruptData(craftZip(valid()), 'model.onnx'),
      'model.onnx',
      300 * 1024 * 1024,
    );
    expectRefused(
      bomb,
      'too-large',
      /model\.onnx: entries would inflate past the limit of 209715200 bytes/,
    );
    const zeros = craftZip({ ...valid(), 'model.onnx': new Uint8Array(5000) });
    expect(refusal(zeros, { maxTotalBytes: 4000 }).reason).toBe('too-large');
  });

  it('an entry that inflates past its declared size: it is cut there and fails its checks', () => {
    const liar = withDeclaredSize(craftZip(valid()), 'model.onnx', 10);
    expectRefused(liar, 'size-mismatch', /model\.onnx: is 10 bytes, the manifest says 3000/);
  });

  it('a path that cannot be read, naming it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'variantdesk-bundle-'));
    afterAll(() => rm(directory, { recursive: true, force: true }));
    const missing = join(directory, 'absent.vdbundle');
    await expect(readBundle(missing)).rejects.toMatchObject({
      reason: 'unreadable',
      message: expect.stringContaining(missing),
    });
    const big = join(directory, 'big.vdbundle');
    await writeFile(big, new Uint8Array(1_100_000));
    await expect(readBundle(big, { maxTotalBytes: 1000 })).rejects.toMatchObject({
      reason: 'too-large',
    });
    await writeFile(big, writeBundle(sampleManifest(), files));
    expect((await readBundle(big)).files).toEqual(files);
  });

  // Found by test/fuzz/bundle-reader.test.ts: zod validated the nesting recursively and
  // overflowed the stack (a RangeError, not a refusal).
  it('a manifest nested too deep to validate, as an invalid manifest', () => {
    const deep = JSON.stringify(manifestJson(files, { metrics: { nested: 0 } })).replace(
      '"nested":0',
      `"nested":${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    );
    expectRefused(
      craftZip({ ...valid(), 'manifest.json': new TextEncoder().encode(deep) }),
      'invalid-manifest',
      /manifest\.json: nested deeper than 64 levels \(at metrics\.nested/,
    );
  });

  it('stored entries that overlap one large entry, without copying it for each', () => {
    const big = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24);
    const names = Array.from({ length: 300 }, (_, i) => `x${String(i).padStart(3, '0')}`);
    const zip = craftZip({
      ...valid(),
      'model.onnx': big,
      ...Object.fromEntries(names.map((name) => [name, new Uint8Array(0)])),
    });
    for (const name of names) withStoredOverlap(zip, name, 'model.onnx', 1);
    // Each was sliced out whole, 300 MB copied in all (300 GB for 1,000 entries of 1 GB).
    const error = refusal(zip, { maxTotalBytes: 4 << 20 });
    expect(error.reason).toBe('corrupt-entry');
    expect(error.message).toMatch(
      /^clades\.vdbundle: x000: a stored entry of \d+ bytes declares 1 byte/,
    );
  });

  it('an entry whose data inflates far past its declared size, stopping at that size', () => {
    // 2.5 million <258, 1> matches: 645 MB of zeros from 4 MB of deflate.
    const stream = zeroRunDeflate(2_500_000);
    // Stored as written, then declared deflate of 3,000 bytes in the central directory.
    const stored = zipSync(
      {
        'manifest.json': new TextEncoder().encode(JSON.stringify(manifestJson(files))),
        ...files,
        'model.onnx': [stream, { level: 0 }],
      },
      { mtime: new Date(1980, 0, 1) },
    );
    const bomb = withDeclaredSize(
      withCompressionMethod(stored, 'model.onnx', 8),
      'model.onnx',
      3000,
    );
    const started = performance.now();
    const error = refusal(bomb);
    // Inflating all of it (and dropping what did not fit) took about 2 s.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error.reason).toBe('checksum-mismatch');
    expect(error.message).toMatch(/model\.onnx: sha256 is/);
  });
});

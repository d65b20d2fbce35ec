/**
 * Property tests of the bundle reader: valid bundles mutated at the zip layer (flipped and
 * spliced bytes, truncation, forged directory fields, unsafe and duplicate names, huge
 * declared sizes, overlapping entries, deflate bombs), manifests mutated, and random bytes
 * give a verified bundle or a BundleError naming the bundle (and the entry), within a time
 * bound and with memory bounded by the size limit.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleError, readBundleBytes, writeBundle, type Bundle } from '../../src/core/bundles';
import {
  centralHeaderOffset,
  craftZip,
  manifestJson,
  sampleFiles,
  sampleManifest,
  sha256,
  withRenamedEntry,
  withStoredOverlap,
  zeroRunDeflate,
} from '../core/bundles/bundle-fixtures';
import { fuzzRuns, fuzzSeed } from '../helpers/fuzz';
import {
  applyTextEdits,
  FUZZ_TEST_TIMEOUT_MS,
  outcomeOf,
  textEdit,
  type Outcome,
} from './reader-outcome';

const NAME = 'fuzz.vdbundle';
/** The size limit in these runs: whatever a forged bundle claims, memory stays near this. */
const MAX_TOTAL_BYTES = 1 << 20;
const files = sampleFiles();
const encoder = new TextEncoder();
const valid = (): Record<string, Uint8Array | Record<string, unknown>> => ({
  'manifest.json': manifestJson(files),
  ...files,
});
const bases = [craftZip(valid()), writeBundle(sampleManifest(), files, NAME)];

const peakRssBefore = process.resourceUsage().maxRSS * 1024;
afterAll(() => {
  // The process's peak over every input here: a zip bomb that got through would show.
  expect(process.resourceUsage().maxRSS * 1024 - peakRssBefore).toBeLessThan(256 << 20);
});

/** A bomb read must cost about what its declared (limited) size allows. */
const BOMB_TIME_LIMIT_MS = 150;

function read(bytes: Uint8Array, timeLimitMs?: number): Outcome<Bundle> {
  const before = process.memoryUsage();
  const outcome = outcomeOf(
    () => readBundleBytes(bytes, { name: NAME, maxTotalBytes: MAX_TOTAL_BYTES }),
    BundleError,
    `${NAME}: `,
    timeLimitMs,
  );
  const after = process.memoryUsage();
  const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  expect(grown, 'memory held after one read').toBeLessThan(64 << 20);
  return outcome;
}

/** A read bundle is verified; a refusal names the bundle and the entry it is about. */
function expectVerifiedOrRefused(outcome: Outcome<Bundle>): void {
  if (outcome.ok) {
    const { manifest, files: read } = outcome.value;
    expect(Object.keys(read).sort()).toEqual(Object.keys(manifest.files).sort());
    for (const [name, bytes] of Object.entries(read)) {
      expect(bytes.length).toBe(manifest.files[name]!.size);
      expect(sha256(bytes)).toBe(manifest.files[name]!.sha256);
    }
    return;
  }
  const error = outcome.error as BundleError;
  expect(error.bundle).toBe(NAME);
  if (error.entry !== undefined)
    expect(error.message.startsWith(`${NAME}: ${error.entry}: `)).toBe(true);
}

type ZipEdit =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; at: number; bytes: Uint8Array }
  | { kind: 'field'; entry: number; offset: number; width: 2 | 4; value: number }
  | { kind: 'end-field'; offset: number; width: 2 | 4; value: number };

const position = fc.nat({ max: 1 << 20 });
const interesting = fc.oneof(
  fc.constantFrom(0, 1, 2, 8, 12, 0xff, 0xffff, 0x7fffffff, 0xfffffffe, 0xffffffff, 300 << 20),
  fc.nat(),
);
// Central directory record fields: flags, method, sizes, name/extra/comment lengths, offset.
const recordField = fc.constantFrom(
  { offset: 8, width: 2 as const },
  { offset: 10, width: 2 as const },
  { offset: 20, width: 4 as const },
  { offset: 24, width: 4 as const },
  { offset: 28, width: 2 as const },
  { offset: 30, width: 2 as const },
  { offset: 32, width: 2 as const },
  { offset: 42, width: 4 as const },
);
// End of central directory fields: entry counts, directory size and offset, comment length.
const endField = fc.constantFrom(
  { offset: 8, width: 2 as const },
  { offset: 10, width: 2 as const },
  { offset: 12, width: 4 as const },
  { offset: 16, width: 4 as const },
  { offset: 20, width: 2 as const },
);

const zipEdit: fc.Arbitrary<ZipEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: position,
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  }),
  fc
    .record({
      kind: fc.constant('field' as const),
      entry: fc.nat(),
      field: recordField,
      value: interesting,
    })
    .map(({ field, ...rest }) => ({ ...rest, ...field })),
  fc
    .record({ kind: fc.constant('end-field' as const), field: endField, value: interesting })
    .map(({ field, ...rest }) => ({ ...rest, ...field })),
);

function recordOffsets(zip: Uint8Array): number[] {
  const offsets: number[] = [];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) offsets.push(i);
  return offsets;
}

function setField(zip: Uint8Array, at: number, width: 2 | 4, value: number): void {
  if (at < 0 || at + width > zip.length) return;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (width === 2) view.setUint16(at, value & 0xffff, true);
  else view.setUint32(at, value >>> 0, true);
}

function applyZipEdit(zip: Uint8Array, edit: ZipEdit): Uint8Array {
  const at =
    zip.length === 0
      ? 0
      : edit.kind === 'field' || edit.kind === 'end-field'
        ? 0
        : edit.at % zip.length;
  if (edit.kind === 'truncate') return zip.subarray(0, at);
  if (edit.kind === 'splice') {
    const out = new Uint8Array(zip.length + edit.bytes.length);
    out.set(zip.subarray(0, at));
    out.set(edit.bytes, at);
    out.set(zip.subarray(at), at + edit.bytes.length);
    return out;
  }
  const out = zip.slice();
  if (edit.kind === 'flip') {
    if (out.length > 0) out[at]! ^= edit.xor;
  } else if (edit.kind === 'field') {
    const records = recordOffsets(out);
    if (records.length > 0)
      setField(out, records[edit.entry % records.length]! + edit.offset, edit.width, edit.value);
  } else {
    setField(out, out.length - 22 + edit.offset, edit.width, edit.value);
  }
  return out;
}

const unsafeName = fc.oneof(
  fc.constantFrom(
    '../x',
    '../../etc/passwd',
    '/etc/cron.d/x',
    'a\\b',
    'C:/x',
    'a//b',
    './a',
    'x/',
    '.',
    '..',
    'é',
    'a'.repeat(300),
    '__proto__',
    'constructor',
    'model.onnx/',
    ' model.onnx',
    'model.onnx\u0000',
  ),
  fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }),
);

/**
 * The valid bundle plus an entry named `name`, written in place of a placeholder of the same
 * byte length: fflate cannot write every name (`__proto__` would set its map's prototype).
 */
function withEntryNamed(name: string, bytes: Uint8Array): Uint8Array {
  const nameBytes = encoder.encode(name);
  const placeholder = 'p'.repeat(nameBytes.length);
  const zip = craftZip({ ...valid(), [placeholder]: bytes });
  const at = centralHeaderOffset(zip, placeholder);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  view.setUint16(at + 8, view.getUint16(at + 8, true) | 0x0800, true); // the name is UTF-8
  zip.set(nameBytes, at + 46);
  return zip;
}

describe('readBundleBytes (property)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('verifies or refuses, naming the entry, bundles mutated at the zip layer', () => {
    const cases = fc.record({
      base: fc.constantFrom(...bases),
      edits: fc.array(zipEdit, { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(cases, ({ base, edits }) => {
        expectVerifiedOrRefused(read(edits.reduce(applyZipEdit, base)));
      }),
      { numRuns: fuzzRuns(1500), seed: fuzzSeed() },
    );
  });

  it('refuses entries with unsafe or duplicate names, naming them', () => {
    const cases = fc.record({
      name: unsafeName,
      bytes: fc.uint8Array({ maxLength: 16 }),
      duplicate: fc.boolean(),
    });
    fc.assert(
      fc.property(cases, ({ name, bytes, duplicate }) => {
        let zip = withEntryNamed(name, bytes);
        if (duplicate) zip = withRenamedEntry(zip, 'exemplars.tsv', 'manifest.json');
        const outcome = read(zip);
        expect(outcome.ok).toBe(false);
        expectVerifiedOrRefused(outcome);
      }),
      { numRuns: fuzzRuns(300), seed: fuzzSeed() },
    );
  });

  it('refuses size bombs before inflating: huge declared sizes, overlapping entries, deflate bombs', () => {
    const cases = fc.record({
      declared: fc.oneof(
        fc.constantFrom(0, 1, 3000, MAX_TOTAL_BYTES, MAX_TOTAL_BYTES + 1, 0xffffffff),
        fc.nat(),
      ),
      overlaps: fc.integer({ min: 0, max: 200 }),
      bombMatches: fc.integer({ min: 0, max: 400_000 }),
      stored: fc.boolean(),
    });
    fc.assert(
      fc.property(cases, ({ declared, overlaps, bombMatches, stored }) => {
        const model = bombMatches > 0 ? zeroRunDeflate(bombMatches) : files['model.onnx']!;
        const extra = Object.fromEntries(
          Array.from({ length: overlaps }, (_, i) => [
            `x${String(i).padStart(3, '0')}`,
            new Uint8Array(0),
          ]),
        );
        const zip = zipSync(
          {
            'manifest.json': encoder.encode(JSON.stringify(manifestJson(files))),
            ...files,
            'model.onnx': [model, { level: 0 }],
            ...extra,
          },
          { mtime: new Date(1980, 0, 1) },
        );
        const view = new DataView(zip.buffer);
        const at = centralHeaderOffset(zip, 'model.onnx');
        if (!stored) view.setUint16(at + 10, 8, true); // the stored bytes read as deflate
        view.setUint32(at + 24, declared >>> 0, true);
        for (const name of Object.keys(extra))
          withStoredOverlap(zip, name, 'model.onnx', declared >>> 0);
        // Inflating a 400,000-match bomb whole took ~350 ms; stopping at the size, ~2 ms.
        expectVerifiedOrRefused(read(zip, BOMB_TIME_LIMIT_MS));
      }),
      { numRuns: fuzzRuns(80), seed: fuzzSeed() },
    );
  });

  it('refuses mutated manifests as invalid, naming manifest.json or the field', () => {
    const keys = Object.keys(manifestJson(files));
    const cases = fc.oneof(
      fc
        .record({
          key: fc.oneof(fc.constantFrom(...keys), fc.string()),
          value: fc.jsonValue({ maxDepth: 4 }),
        })
        .map(({ key, value }) =>
          encoder.encode(JSON.stringify({ ...manifestJson(files), [key]: value })),
        ),
      fc
        .array(textEdit, { minLength: 1, maxLength: 5 })
        .map((edits) =>
          encoder.encode(applyTextEdits(JSON.stringify(manifestJson(files), null, 2), edits)),
        ),
      fc
        .integer({ min: 1, max: 30_000 })
        .map((depth) =>
          encoder.encode(
            JSON.stringify(manifestJson(files)).replace(
              '"metrics":{',
              `"metrics":{"deep":${'['.repeat(depth)}${']'.repeat(depth)},`,
            ),
          ),
        ),
    );
    fc.assert(
      fc.property(cases, (manifest) => {
        expectVerifiedOrRefused(read(craftZip({ ...valid(), 'manifest.json': manifest })));
      }),
      { numRuns: fuzzRuns(500), seed: fuzzSeed() },
    );
  });

  it('refuses random bytes, with or without an end of central directory record', () => {
    const endRecord = fc
      .record({ count: fc.nat({ max: 0xffff }), size: fc.nat(), offset: fc.nat() })
      .map(({ count, size, offset }) => {
        const end = new Uint8Array(22);
        const view = new DataView(end.buffer);
        view.setUint32(0, 0x06054b50, true);
        view.setUint16(8, count, true);
        view.setUint16(10, count, true);
        view.setUint32(12, size >>> 0, true);
        view.setUint32(16, offset >>> 0, true);
        return end;
      });
    const cases = fc.tuple(
      fc.uint8Array({ maxLength: 4000 }),
      fc.option(endRecord, { nil: undefined }),
    );
    fc.assert(
      fc.property(cases, ([bytes, end]) => {
        const zip = end === undefined ? bytes : new Uint8Array([...bytes, ...end]);
        const outcome = read(zip);
        expect(outcome.ok).toBe(false);
        expectVerifiedOrRefused(outcome);
      }),
      { numRuns: fuzzRuns(500), seed: fuzzSeed() },
    );
  });
});

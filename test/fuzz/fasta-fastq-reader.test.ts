/**
 * Property tests of the FASTA/FASTQ reader: generated files (valid, then mutated: random
 * bytes, cuts, CRLF, missing headers, quality mismatches, NUL, lines far over a small record
 * limit), plain, gzip or corrupt gzip. The reader returns records and named errors (file,
 * line, reason), never throws anything else, finishes within a time bound, gives the same
 * events however its input is cut into chunks, and holds bounded memory under a small limit.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileRefusedError } from '../../src/core/sequences/detect';
import type { RecordLimits } from '../../src/core/sequences/input-limits';
import { createParser } from '../../src/core/sequences/parser';
import type { RecordErrorCode, SequenceFormat } from '../../src/shared/types';
import { parseSplit, readAll, writeTemp, type ReadResult } from '../core/sequences/helpers';
import { fuzzRuns, fuzzSeed } from '../helpers/fuzz';

/** Small limits, so that generated lines go far past them. */
const LIMITS: RecordLimits = { maxRecordLength: 400, maxRecordTextBytes: 2_000 };
/** Generated inputs are at most ~60 kB: any call slower than this is a hang. */
const CALL_TIME_LIMIT_MS = 2_000;
/** Per test: the runs scale with `npm run fuzz`, and so does the time they take. */
const TEST_TIMEOUT_MS = fuzzRuns(60_000);

const CODES: readonly RecordErrorCode[] = [
  'empty-sequence',
  'invalid-characters',
  'sequence-before-header',
  'missing-id',
  'quality-length-mismatch',
  'truncated-record',
  'truncated-gzip',
  'invalid-encoding',
  'record-too-long',
  'decompression-limit',
];

// --- Generated files -------------------------------------------------------------------

const idArb = fc.string({
  unit: fc.constantFrom(...'ACMNPQRSTXYZ0123456789_-./|'.split('')),
  minLength: 1,
  maxLength: 12,
});
const descriptionArb = fc.option(
  fc.string({ unit: fc.constantFrom(...'abc xyz=;/é😀\t'.split('')), maxLength: 20 }),
  { nil: undefined },
);
const fastaResidues = 'ACGTNacgtnuURYKMSWBDHV-.'.split('');

/** Sequence letters, with runs far past the limit sometimes. */
function sequenceArb(letters: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...letters), maxLength: 300 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...letters), fc.integer({ min: 300, max: 5_000 }))
        .map(([letter, length]) => letter.repeat(length)),
    },
  );
}

interface Layout {
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
}
const layoutArb: fc.Arbitrary<Layout> = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

function joinLines(lines: string[], layout: Layout): string {
  const eol = layout.crlf ? '\r\n' : '\n';
  const text = lines.join(eol) + (layout.finalNewline ? eol : '');
  return (layout.bom ? '\ufeff' : '') + text;
}

function header(marker: string, id: string, description: string | undefined): string {
  return `${marker}${id}${description === undefined ? '' : ` ${description}`}`;
}

const fastaArb = fc
  .tuple(
    fc.array(
      fc.record({
        id: idArb,
        description: descriptionArb,
        sequence: sequenceArb(fastaResidues),
        width: fc.integer({ min: 1, max: 120 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    layoutArb,
  )
  .map(([records, layout]) => {
    const lines: string[] = [];
    for (const { id, description, sequence, width } of records) {
      lines.push(header('>', id, description));
      for (let i = 0; i < sequence.length; i += width) lines.push(sequence.slice(i, i + width));
    }
    return joinLines(lines, layout);
  });

const fastqArb = fc
  .tuple(
    fc.array(
      fc.record({
        id: idArb,
        description: descriptionArb,
        sequence: sequenceArb('ACGTNacgtn'.split('')),
        qualityShift: fc.oneof(
          { weight: 6, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
        ),
        plusRepeatsId: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    layoutArb,
  )
  .map(([records, layout]) => {
    const lines: string[] = [];
    for (const { id, description, sequence, qualityShift, plusRepeatsId } of records) {
      const qualityLength = Math.max(0, sequence.length + qualityShift);
      lines.push(header('@', id, description), sequence, plusRepeatsId ? `+${id}` : '+');
      lines.push('I#5?'.repeat(qualityLength).slice(0, qualityLength));
    }
    return joinLines(lines, layout);
  });

// --- Mutations -------------------------------------------------------------------------

type Mutation =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat'; at: number; length: number }
  | { kind: 'run'; at: number; byte: number; length: number }
  | { kind: 'drop-line'; at: number };

const at = fc.nat({ max: 1_000_000 });
/** Bytes that matter to the parsers, and any byte at all. */
const byteArb = fc.oneof(
  fc.constantFrom(0x00, 0x0a, 0x0d, 0x3e, 0x40, 0x2b, 0x2d, 0x20, 0x41, 0x4e, 0xc3, 0xff),
  fc.integer({ min: 0, max: 255 }),
);
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at, byte: byteArb }),
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('repeat' as const), at, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('run' as const),
    at,
    byte: byteArb,
    length: fc.integer({ min: 100, max: 6_000 }),
  }),
  fc.record({ kind: fc.constant('drop-line' as const), at }),
);

function mutate(input: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = input;
  for (const m of mutations) {
    const i = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    const head = bytes.subarray(0, i);
    if (m.kind === 'set') {
      if (i < bytes.length) bytes = Buffer.concat([head, Buffer.of(m.byte), bytes.subarray(i + 1)]);
    } else if (m.kind === 'insert') bytes = Buffer.concat([head, m.bytes, bytes.subarray(i)]);
    else if (m.kind === 'delete') bytes = Buffer.concat([head, bytes.subarray(i + m.length)]);
    else if (m.kind === 'truncate') bytes = head;
    else if (m.kind === 'repeat')
      bytes = Buffer.concat([bytes.subarray(0, i + m.length), bytes.subarray(i)]);
    else if (m.kind === 'run')
      bytes = Buffer.concat([head, Buffer.alloc(m.length, m.byte), bytes.subarray(i)]);
    else {
      const start = bytes.lastIndexOf(0x0a, i - 1) + 1;
      const end = bytes.indexOf(0x0a, i);
      bytes = Buffer.concat([
        bytes.subarray(0, start),
        end === -1 ? Buffer.of() : bytes.subarray(end + 1),
      ]);
    }
  }
  return bytes;
}

const inputArb = fc
  .tuple(
    fc.oneof(
      fastaArb.map((text) => Buffer.from(text)),
      fastqArb.map((text) => Buffer.from(text)),
    ),
    fc.array(mutationArb, { maxLength: 4 }),
  )
  .map(([bytes, mutations]) => mutate(bytes, mutations));

/** Sorted distinct cut offsets inside `length`. */
function cutsArb(): fc.Arbitrary<number[]> {
  return fc.array(fc.nat({ max: 100_000 }), { maxLength: 6 });
}

function cutsWithin(offsets: number[], length: number): number[] {
  if (length < 2) return [];
  return [...new Set(offsets.map((o) => 1 + (o % (length - 1))))].sort((a, b) => a - b);
}

// --- What every outcome must satisfy ---------------------------------------------------

const RESIDUES = /^[ACGTNRYSWKMBDHV]+$/;

function count(text: string, letters: RegExp): number {
  return text.match(letters)?.length ?? 0;
}

function lineCount(input: Buffer): number {
  return count(input.toString('latin1'), /\n/g) + 1;
}

/** `lines`: how many lines the reader can have seen (Infinity when corrupt gzip made them up). */
function checkResult(result: ReadResult, file: string, lines: number, maxLength: number): void {
  for (const record of result.records) {
    expect(record.id).not.toBe('');
    expect(record.sequence).toMatch(RESIDUES);
    expect(record.length).toBe(record.sequence.length);
    expect(record.length).toBeLessThanOrEqual(maxLength);
    expect(record.nCount).toBe(count(record.sequence, /N/g));
    expect(record.gcCount).toBe(count(record.sequence, /[GC]/g));
    expect(record.ambiguousCount).toBe(count(record.sequence, /[RYSWKMBDHV]/g));
    expect(record.line).toBeGreaterThanOrEqual(1);
    expect(record.line).toBeLessThanOrEqual(lines);
    if (record.quality !== undefined) {
      expect(record.quality).toHaveLength(record.length);
      expect(record.quality).toMatch(/^[!-~]+$/);
    }
  }
  for (const error of result.errors) {
    expect(error.file).toBe(file);
    expect(Number.isInteger(error.line)).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lines);
    expect(CODES).toContain(error.code);
    expect(error.reason).not.toBe('');
    expect(error.recordId === null || typeof error.recordId === 'string').toBe(true);
  }
}

function parse(format: SequenceFormat, bytes: Buffer, cuts: number[]): ReadResult {
  const started = performance.now();
  const result = parseSplit(format, bytes, cuts, LIMITS);
  expect(performance.now() - started).toBeLessThan(CALL_TIME_LIMIT_MS);
  return result;
}

describe('FASTA/FASTQ reader properties', () => {
  it(
    'parsers return records and named errors, the same however the input is cut',
    () => {
      fc.assert(
        fc.property(
          inputArb,
          cutsArb(),
          fc.constantFrom<SequenceFormat>('fasta', 'fastq'),
          (input, offsets, format) => {
            const whole = parse(format, input, []);
            checkResult(whole, 'test', lineCount(input), LIMITS.maxRecordLength);
            expect(parse(format, input, cutsWithin(offsets, input.length))).toEqual(whole);
          },
        ),
        { numRuns: fuzzRuns(2_000), seed: fuzzSeed() },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a valid generated FASTA reads back as its records, one error per record over the limit',
    () => {
      const recordsArb = fc.array(
        fc.record({
          id: idArb,
          sequence: sequenceArb('ACGTN'.split('')),
          width: fc.integer({ min: 1, max: 90 }),
        }),
        { minLength: 1, maxLength: 6 },
      );
      fc.assert(
        fc.property(recordsArb, fc.boolean(), cutsArb(), (records, crlf, offsets) => {
          const eol = crlf ? '\r\n' : '\n';
          const unique = records.map((r, i) => ({ ...r, id: `${r.id}-${i}` }));
          let text = '';
          for (const { id, sequence, width } of unique) {
            text += `>${id}${eol}`;
            for (let i = 0; i < sequence.length; i += width)
              text += sequence.slice(i, i + width) + eol;
          }
          const bytes = Buffer.from(text);
          const result = parse('fasta', bytes, cutsWithin(offsets, bytes.length));
          const expected = unique.map(({ id, sequence }) =>
            sequence.length === 0
              ? `error:empty-sequence`
              : sequence.length > LIMITS.maxRecordLength
                ? 'error:record-too-long'
                : `${id}:${sequence}`,
          );
          const events = [
            ...result.records.map((r) => ({ line: r.line, text: `${r.id}:${r.sequence}` })),
            ...result.errors.map((e) => ({ line: e.line, text: `error:${e.code}` })),
          ].sort((a, b) => a.line - b.line);
          expect(events.map((e) => e.text)).toEqual(expected);
        }),
        { numRuns: fuzzRuns(500), seed: fuzzSeed() },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'readSequences on plain, gzip and corrupt gzip files: records and named errors, or a named refusal',
    async () => {
      const wrapArb = fc.oneof(
        fc.constant({ kind: 'plain' as const }),
        fc.constant({ kind: 'gzip' as const }),
        fc.record({ kind: fc.constant('members' as const), at }),
        fc.record({ kind: fc.constant('cut-gzip' as const), at }),
        fc.record({
          kind: fc.constant('flip-gzip' as const),
          at,
          byte: fc.integer({ min: 1, max: 255 }),
        }),
      );
      type Wrap = typeof wrapArb extends fc.Arbitrary<infer W> ? W : never;
      const wrap = (bytes: Buffer, how: Wrap): Buffer => {
        if (how.kind === 'plain') return bytes;
        if (how.kind === 'gzip') return gzipSync(bytes);
        const split = bytes.length === 0 ? 0 : how.at % bytes.length;
        if (how.kind === 'members')
          return Buffer.concat([
            gzipSync(bytes.subarray(0, split)),
            gzipSync(bytes.subarray(split)),
          ]);
        const packed = gzipSync(bytes);
        const i = how.at % packed.length;
        if (how.kind === 'cut-gzip') return packed.subarray(0, Math.max(2, i));
        const flipped = Buffer.from(packed);
        flipped[i] = flipped[i]! ^ how.byte;
        return flipped;
      };
      // A tiny ratio guard in some runs, so that the decompression-limit path is taken.
      const guardArb = fc.option(fc.constant({ maxRatio: 3, afterBytes: 2_000 }), { nil: null });
      let call = 0;
      await fc.assert(
        fc.asyncProperty(inputArb, wrapArb, guardArb, async (input, how, guard) => {
          const name = `fuzz-${call++}.seq`;
          const path = writeTemp(name, wrap(input, how));
          const started = performance.now();
          let timer: NodeJS.Timeout | undefined;
          const hang = new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error('reader did not settle in time')),
              CALL_TIME_LIMIT_MS,
            );
          });
          try {
            const result = await Promise.race([
              readAll(path, { maxRecordLength: LIMITS.maxRecordLength, gzipRatioGuard: guard }),
              hang,
            ]);
            // A flipped byte can inflate to other text (with more lines) before the CRC check.
            const lines = how.kind === 'flip-gzip' ? Infinity : lineCount(input);
            checkResult(result, name, lines, LIMITS.maxRecordLength);
            const stops = result.errors.filter((e) => e.code === 'decompression-limit');
            if (guard === null) expect(stops).toEqual([]);
            expect(stops.length).toBeLessThanOrEqual(1);
            if (stops.length === 1)
              expect(result.order.at(-1)).toMatch(/^error:decompression-limit@/);
          } catch (error) {
            // A file that is not sequence data is refused with its name; nothing else may escape.
            if (!(error instanceof FileRefusedError)) throw error;
            expect(error.message.startsWith(`${name}: `)).toBe(true);
          } finally {
            clearTimeout(timer);
          }
          expect(performance.now() - started).toBeLessThan(CALL_TIME_LIMIT_MS);
        }),
        { numRuns: fuzzRuns(300), seed: fuzzSeed() },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'memory stays bounded under a small limit whatever streams through the parser',
    () => {
      // Each pattern repeated to 16 MiB without a record end: an unbounded buffer would grow to it.
      const patternArb = fc.oneof(
        fc.constant({ format: 'fasta' as const, head: '>r\n', body: 'ACGTACGTAC' }),
        fc.constant({ format: 'fasta' as const, head: '>r\n', body: '----------\n' }),
        fc.constant({ format: 'fasta' as const, head: '>r\n', body: '\n' }),
        fc.constant({ format: 'fasta' as const, head: '>', body: 'header text ' }),
        fc.constant({ format: 'fastq' as const, head: '@r\n', body: 'ACGTN' }),
        fc.constant({ format: 'fastq' as const, head: '@r\nACGT\n+\n', body: 'IIII' }),
        fc.constant({ format: 'fastq' as const, head: '@', body: 'header text ' }),
        fc
          .tuple(
            fc.constantFrom<SequenceFormat>('fasta', 'fastq'),
            fc.uint8Array({ minLength: 1, maxLength: 64 }),
          )
          .map(([format, body]) => ({
            format,
            head: format === 'fasta' ? '>r\n' : '@r\n',
            body: Buffer.from(body).toString('latin1'),
          })),
      );
      const STREAM_BYTES = 16 << 20;
      fc.assert(
        fc.property(
          patternArb,
          fc.integer({ min: 1_000, max: 300_000 }),
          ({ format, head, body }, chunkBytes) => {
            const unit = Buffer.from(body, 'latin1');
            const chunk = Buffer.alloc(Math.max(chunkBytes, unit.length), unit);
            const parser = createParser(format, 'stream', LIMITS);
            const before = process.memoryUsage();
            parser.push(Buffer.from(head, 'latin1'));
            for (let fed = 0; fed < STREAM_BYTES; fed += chunk.length) parser.push(chunk);
            const after = process.memoryUsage();
            const grown =
              after.external + after.arrayBuffers - before.external - before.arrayBuffers;
            expect(grown, `${format} ${JSON.stringify(body.slice(0, 12))}`).toBeLessThan(8 << 20);
            const events = parser.end();
            for (const event of events)
              if (event.type === 'record')
                expect(event.record.length).toBeLessThanOrEqual(LIMITS.maxRecordLength);
          },
        ),
        { numRuns: fuzzRuns(16), seed: fuzzSeed() },
      );
    },
    TEST_TIMEOUT_MS,
  );
});

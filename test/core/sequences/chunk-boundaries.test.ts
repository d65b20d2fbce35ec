import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../../src/core/sequences/reader';
import { fixture, parseSplit, readAll, writeTemp } from './helpers';

const FASTA = [
  'good.fa',
  'crlf.fa',
  'lowercase-rna.fa',
  'errors.fa',
  'non-utf8-header.fa',
  'header-only.fa',
];
const FASTQ = ['good.fq', 'crlf.fq', 'errors.fq'];

describe('chunk boundaries', () => {
  it.each([...FASTA.map((f) => ['fasta', f] as const), ...FASTQ.map((f) => ['fastq', f] as const)])(
    '%s %s: a cut anywhere, or 1-byte chunks, give the same events',
    (format, name) => {
      const bytes = readFileSync(fixture(name));
      const whole = parseSplit(format, bytes);
      expect(whole.order.length).toBeGreaterThan(0);
      for (let cut = 1; cut < bytes.length; cut++) {
        expect(parseSplit(format, bytes, [cut]), `cut at ${cut}`).toEqual(whole);
      }
      const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
      expect(parseSplit(format, bytes, everyByte)).toEqual(whole);
    },
  );

  /** A FASTA file whose first record is padded so that CHUNK_BYTES falls at `offset` of `tail`. */
  function straddling(tail: string, offset: number): Buffer {
    const head = '>pad\r\n';
    const fill = CHUNK_BYTES - head.length - offset;
    return Buffer.from(head + 'ACGT'.repeat(Math.ceil(fill / 4)).slice(0, fill) + tail);
  }

  it.each([
    ['between CR and LF', 1],
    ['before the header', 2],
    ['just after the >', 3],
    ['inside the header id', 6],
    ['inside the description', 14],
    ['between the header CR and LF', 20],
  ])('FASTA read from disk with the chunk end %s', async (_, offset) => {
    const tail = '\r\n>second the desc\r\nACGTN\r\nRY\r\n>third\r\nGG\r\n';
    const bytes = straddling(tail, offset);
    const path = writeTemp(`straddle-${offset}.fa`, bytes);
    const read = await readAll(path);
    expect(read.errors).toEqual([]);
    expect(read.records.map((r) => [r.id, r.line, r.description, r.sequence.slice(-8)])).toEqual([
      ['pad', 1, '', bytes.toString('latin1', CHUNK_BYTES - offset - 8, CHUNK_BYTES - offset)],
      ['second', 3, 'the desc', 'ACGTNRY'],
      ['third', 6, '', 'GG'],
    ]);
    expect(read.records[0]!.length).toBe(CHUNK_BYTES - offset - 6);
  });

  it.each([1, 2, 3, 5, 8, 9, 12])(
    'FASTQ read from disk with the chunk end at %i bytes into a record',
    async (offset) => {
      // The padded read is a 1-line sequence; its quality follows in `tail`.
      const fill = CHUNK_BYTES - '@pad\r\n'.length - offset;
      const tail = `\r\n+\r\n${'I'.repeat(fill)}\r\n@next one\r\nACGT\r\n+\r\nIIII\r\n`;
      const bytes = Buffer.from(`@pad\r\n${'C'.repeat(fill)}${tail}`);
      const read = await readAll(writeTemp(`straddle-${offset}.fq`, bytes));
      expect(read.errors).toEqual([]);
      expect(read.records.map((r) => [r.id, r.line, r.length])).toEqual([
        ['pad', 1, fill],
        ['next', 5, 4],
      ]);
    },
  );
});

describe('byte-order mark cut by chunk boundaries', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

  it.each([
    ['fasta', '>a desc\nACGT\n>b\nGG\n'],
    ['fastq', '@a desc\nACGT\n+\nIIII\n@b\nGG\n+\nII\n'],
  ] as const)(
    '%s: a BOM split over the first chunks is skipped as in one chunk',
    (format, text) => {
      const bytes = Buffer.concat([BOM, Buffer.from(text)]);
      const whole = parseSplit(format, bytes);
      expect(whole.errors).toEqual([]);
      expect(whole.records.map((r) => r.id)).toEqual(['a', 'b']);
      for (const cuts of [[1], [2], [1, 2], [1, 3], [2, 3]])
        expect(parseSplit(format, bytes, cuts), `cuts ${cuts.join(',')}`).toEqual(whole);
    },
  );

  it('keeps bytes that only begin like a BOM as data, and a file that is only part of one', () => {
    const almost = Buffer.from([0xef, 0xbb, 0x3e, 0x61, 0x0a, 0x41, 0x0a]); // EF BB then '>a\nA\n'
    const whole = parseSplit('fasta', almost);
    expect(whole.order).toEqual(['error:sequence-before-header@1']);
    expect(parseSplit('fasta', almost, [1])).toEqual(whole);
    expect(parseSplit('fasta', almost, [1, 2])).toEqual(whole);
    expect(parseSplit('fastq', BOM.subarray(0, 2), [1]).order).toEqual(
      parseSplit('fastq', BOM.subarray(0, 2)).order,
    );
  });
});

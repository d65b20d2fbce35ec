/**
 * Bounded input: a record over the length limit, or a header over 1 MiB, is one named error
 * and the rest of the file is read; a gzip stream past the ratio guard stops with one.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_HEADER_BYTES, recordLimits } from '../../../src/core/sequences/input-limits';
import { CHUNK_BYTES } from '../../../src/core/sequences/reader';
import { parseSplit, readAll, writeTemp } from './helpers';

const LIMIT = recordLimits(1000);
const TOO_LONG = 'sequence longer than the 1,000-base limit (set --max-record-length)';
const HEADER_TOO_LONG = 'header line longer than the 1,048,576-byte limit';

function lines(sequence: string, width = 60): string {
  return sequence.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n').replace(/\n?$/, '\n');
}

describe('record length limit: FASTA', () => {
  const text = Buffer.from(
    `>first\n${lines('ACGT'.repeat(250))}` + // exactly 1,000 bases: accepted
      `>long the one\n${lines('acgtn'.repeat(201))}` + // 1,005 bases
      `>gapped\n${lines('AC--'.repeat(400))}` + // 800 bases, 800 gaps: accepted
      `>last\nGGCC\n`,
  );

  it('refuses the record over the limit by name and line, and reads the others', () => {
    const read = parseSplit('fasta', text, [], LIMIT);
    expect(read.records.map((r) => [r.id, r.length])).toEqual([
      ['first', 1000],
      ['gapped', 800],
      ['last', 4],
    ]);
    expect(read.errors).toEqual([
      { file: 'test', line: 19, recordId: 'long', code: 'record-too-long', reason: TOO_LONG },
    ]);
    expect(read.order).toEqual(['first', 'error:record-too-long@19', 'gapped', 'last']);
  });

  it('gives the same events wherever the chunks are cut', () => {
    const whole = parseSplit('fasta', text, [], LIMIT);
    for (let cut = 1; cut < text.length; cut += 7) {
      expect(parseSplit('fasta', text, [cut], LIMIT), `cut at ${cut}`).toEqual(whole);
    }
    const everyByte = Array.from({ length: text.length - 1 }, (_, i) => i + 1);
    expect(parseSplit('fasta', text, everyByte, LIMIT)).toEqual(whole);
  });

  it('keeps the line count through a skipped record many chunks long', async () => {
    const big = 'ACGT'.repeat(CHUNK_BYTES); // 1 MiB of bases, in 60-base lines
    const path = writeTemp('long.fa', `>a\nAC\n>huge\n${lines(big)}>b x\nGT\n`);
    const read = await readAll(path, { maxRecordLength: 100_000 });
    expect(read.records.map((r) => [r.id, r.line])).toEqual([
      ['a', 1],
      ['b', 4 + Math.ceil(big.length / 60)],
    ]);
    expect(read.errors).toEqual([
      {
        file: 'long.fa',
        line: 3,
        recordId: 'huge',
        code: 'record-too-long',
        reason: 'sequence longer than the 100,000-base limit (set --max-record-length)',
      },
    ]);
  });

  it('refuses a header longer than 1 MiB and reads the record after it', async () => {
    const header = `>${'h'.repeat(10)} ${'d'.repeat(MAX_HEADER_BYTES)}`;
    const path = writeTemp('long-header.fa', `${header}\nACGT\n>next\nAC\n`);
    const read = await readAll(path);
    expect(read.records.map((r) => [r.id, r.line])).toEqual([['next', 3]]);
    expect(read.errors).toEqual([
      {
        file: 'long-header.fa',
        line: 1,
        recordId: 'h'.repeat(10),
        code: 'record-too-long',
        reason: HEADER_TOO_LONG,
      },
    ]);
  });

  it('accepts a header of exactly 1 MiB', async () => {
    const path = writeTemp('header-1mib.fa', `>${'h'.repeat(MAX_HEADER_BYTES)}\nACGT\n`);
    const read = await readAll(path);
    expect(read.errors).toEqual([]);
    expect(read.records[0]!.id).toHaveLength(MAX_HEADER_BYTES);
  });

  it('refuses a record of gaps or empty lines past the text limit, which has no bases to count', () => {
    const limits = { maxRecordLength: 1000, maxRecordTextBytes: 5000 };
    const gaps = `>gaps\n${lines('-'.repeat(6000))}>blank\n${'\n'.repeat(6000)}>ok\n${lines('AC--'.repeat(400))}`;
    const bytes = Buffer.from(gaps);
    const whole = parseSplit('fasta', bytes, [], limits);
    expect(whole.records.map((r) => [r.id, r.length, r.gapCount])).toEqual([['ok', 800, 800]]);
    const reason =
      'record text (gaps, blanks and line ends included) longer than the 5,000-byte limit (set --max-record-length)';
    expect(whole.errors).toEqual([
      { file: 'test', line: 1, recordId: 'gaps', code: 'record-too-long', reason },
      { file: 'test', line: 102, recordId: 'blank', code: 'record-too-long', reason },
    ]);
    expect(whole.records[0]!.line).toBe(6103);
    for (const cut of [1, 3000, 5000, 7000, 12_000]) {
      expect(parseSplit('fasta', bytes, [cut], limits), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('names the limit a record breaks first in its text, wherever the chunks end', () => {
    // Found by the fuzz test: read as one region this record broke the text limit, cut after
    // 401 bytes it broke the base limit (every byte here counts as a base).
    const limits = { maxRecordLength: 400, maxRecordTextBytes: 2000 };
    const bytes = Buffer.concat([Buffer.from('>A\n'), Buffer.alloc(1999, 'x'), Buffer.from('>A')]);
    const whole = parseSplit('fasta', bytes, [], limits);
    expect(whole.errors.map((e) => e.reason)).toEqual([
      'sequence longer than the 400-base limit (set --max-record-length)',
    ]);
    for (const cut of [3, 300, 404, 405, 1000, 2002])
      expect(parseSplit('fasta', bytes, [cut], limits), `cut at ${cut}`).toEqual(whole);
  });

  it('reports data before the first header once, however long', () => {
    const orphan = Buffer.from(`${lines('ACGT'.repeat(500))}>a\nAC\n`);
    const read = parseSplit('fasta', orphan, [100, 1500], LIMIT);
    expect(read.order).toEqual(['error:sequence-before-header@1', 'a']);
  });
});

describe('record length limit: FASTQ', () => {
  const read1 = `@ok\n${'ACGT'.repeat(250)}\n+\n${'I'.repeat(1000)}\n`;
  const read2 = `@long more\n${'A'.repeat(1001)}\n+\n${'I'.repeat(1001)}\n`;
  const read3 = `@bad-plus\n${'A'.repeat(1001)}\nAC\n@next\nACGT\n+\nIIII\n`;
  const read4 = `@mismatch\nACGT\n+\n${'I'.repeat(3000)}\n@last\nAC\n+\nII`;
  const text = Buffer.from(read1 + read2 + read3 + read4);
  const expected = [
    'ok',
    'error:record-too-long@5',
    'error:record-too-long@9',
    'next',
    'error:quality-length-mismatch@16',
    'last',
  ];

  it('refuses the read over the limit, and reads on with the usual checks', () => {
    const read = parseSplit('fastq', text, [], LIMIT);
    expect(read.order).toEqual(expected);
    expect(read.errors[0]).toEqual({
      file: 'test',
      line: 5,
      recordId: 'long',
      code: 'record-too-long',
      reason: TOO_LONG,
    });
    expect(read.errors[2]!.reason).toBe('quality has 3000 characters, sequence has 4');
  });

  it('gives the same events wherever the chunks are cut, CRLF too', () => {
    const crlf = Buffer.from(text.toString('latin1').replaceAll('\n', '\r\n'), 'latin1');
    for (const bytes of [text, crlf]) {
      const whole = parseSplit('fastq', bytes, [], LIMIT);
      expect(whole.order).toEqual(expected);
      expect(whole.errors[2]!.reason).toBe('quality has 3000 characters, sequence has 4');
      for (let cut = 1; cut < bytes.length; cut += 5) {
        expect(parseSplit('fastq', bytes, [cut], LIMIT), `cut at ${cut}`).toEqual(whole);
      }
      const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
      expect(parseSplit('fastq', bytes, everyByte, LIMIT)).toEqual(whole);
    }
  });

  it('refuses a sequence line many chunks long, and a header over 1 MiB', async () => {
    const seq = 'C'.repeat(3 * CHUNK_BYTES);
    const header = `@${'h'.repeat(MAX_HEADER_BYTES + 1)}`;
    const content =
      `@huge\n${seq}\n+\n${'I'.repeat(seq.length)}\n` +
      `${header}\nAC\n+\nII\n` +
      `@after\nACGT\n+\nIIII\n`;
    const read = await readAll(writeTemp('long.fq', content), { maxRecordLength: 500_000 });
    expect(read.records.map((r) => [r.id, r.line])).toEqual([['after', 9]]);
    expect(read.errors).toEqual([
      {
        file: 'long.fq',
        line: 1,
        recordId: 'huge',
        code: 'record-too-long',
        reason: 'sequence longer than the 500,000-base limit (set --max-record-length)',
      },
      {
        file: 'long.fq',
        line: 5,
        recordId: null,
        code: 'record-too-long',
        reason: HEADER_TOO_LONG,
      },
    ]);
  });

  it('strips only the final CR of a line held past its cap', () => {
    // Found by the fuzz test: a quality line 'I#5' CR CR, cut between the CRs, kept 'I#5' CR
    // up to its cap, then lost that CR too, and the read came out valid.
    const bytes = Buffer.from('@a\r\nAAA\r\n+\r\nI#5\r\r\n@b\r\nAC\r\n+\r\nII\r\n');
    const whole = parseSplit('fastq', bytes, [], LIMIT);
    expect(whole.order).toEqual(['error:quality-length-mismatch@1', 'b']);
    expect(whole.errors[0]!.reason).toBe('quality has 4 characters, sequence has 3');
    for (let cut = 1; cut < bytes.length; cut++)
      expect(parseSplit('fastq', bytes, [cut], LIMIT), `cut at ${cut}`).toEqual(whole);
  });

  it('reports a file cut inside an over-long sequence line as that record too long', () => {
    const read = parseSplit(
      'fastq',
      Buffer.from(`@r\nAC\n+\nII\n@cut\n${'A'.repeat(5000)}`),
      [3000],
      LIMIT,
    );
    expect(read.order).toEqual(['r', 'error:record-too-long@5']);
  });
});

describe('gzip decompressed-size guard', () => {
  const guard = { maxRatio: 100, afterBytes: 1 << 20 };

  it('stops a stream that expands past the ratio, keeping the records before it', async () => {
    const members = [
      gzipSync('>a\nACGT\n>b\nGG\n'),
      gzipSync(`>n\n${'N'.repeat(8 << 20)}\n`, { level: 9 }),
      gzipSync('>c\nAC\n'),
    ];
    const path = writeTemp('ratio.fa.gz', Buffer.concat(members));
    const read = await readAll(path, { gzipRatioGuard: guard });
    expect(read.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toMatchObject({
      file: 'ratio.fa.gz',
      line: 6,
      recordId: 'n',
      code: 'decompression-limit',
    });
    expect(read.errors[0]!.reason).toMatch(
      /^the gzip data expands to more than 100 times its compressed size \([\d.]+ MiB from [\d.]+ MiB\), so reading stopped at line 6; record 'n' there is incomplete and was skipped$/,
    );
  });

  it('reads highly redundant real-looking data (1,000 identical genomes) under the default guard checked from the start', async () => {
    const genome = lines('ACGTTGCAAN'.repeat(2990) + 'ACG');
    let text = '';
    for (let i = 0; i < 1000; i++) text += `>s${i}\n${genome}`;
    const packed = gzipSync(text, { level: 9 });
    expect(text.length / packed.length).toBeGreaterThan(100);
    const path = writeTemp('identical.fa.gz', packed);
    const read = await readAll(path, { gzipRatioGuard: { maxRatio: 500, afterBytes: 0 } });
    expect(read.errors).toEqual([]);
    expect(read.records).toHaveLength(1000);
  });

  it('does not apply to plain files', async () => {
    const path = writeTemp('plain-n.fa', `>n\n${'N'.repeat(4 << 20)}\n`);
    const read = await readAll(path, { gzipRatioGuard: { maxRatio: 1, afterBytes: 0 } });
    expect(read.errors).toEqual([]);
    expect(read.records.map((r) => r.length)).toEqual([4 << 20]);
  });
});

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture, readAll, writeTemp } from './helpers';

function fasta(records: number, length: number): string {
  let text = '';
  for (let i = 1; i <= records; i++) text += `>r${i}\n${'ACGTTGCAAN'.repeat(length / 10)}\n`;
  return text;
}

describe('readSequences: gzip', () => {
  it('reads gzip by its magic bytes whatever the name, and plain text named .gz', async () => {
    const gz = await readAll(fixture('really-gzip.fa'));
    const good = await readAll(fixture('good.fa'));
    expect(gz.errors).toEqual([]);
    expect(gz.records.map((r) => r.sequence)).toEqual(
      good.records.slice(0, 2).map((r) => r.sequence),
    );
    const plain = await readAll(fixture('plain-named.fa.gz'));
    expect(plain.records.map((r) => [r.id, r.length])).toEqual([['plain1', 61]]);
  });

  it('keeps the complete records of a truncated gzip and reports the cut once', async () => {
    const { records, errors } = await readAll(fixture('truncated.fa.gz'));
    expect(records).toHaveLength(121);
    expect(records.at(-1)).toMatchObject({ id: 't121', length: 300 });
    expect(errors).toEqual([
      {
        file: 'truncated.fa.gz',
        line: 728,
        recordId: 't122',
        code: 'truncated-gzip',
        reason:
          "the gzip data ends early at line 728; record 't122' there is incomplete and was skipped",
      },
    ]);
  });

  it('reports a failed gzip check once, after the records decoded before it', async () => {
    // Deflate cannot see corruption before the member's CRC; here only the CRC is wrong. The
    // output of the failing zlib call is lost with it, so the last records are missing.
    const packed = gzipSync(Buffer.from(fasta(3000, 1000)), { level: 1 });
    packed.writeUInt32LE(packed.readUInt32LE(packed.length - 8) ^ 1, packed.length - 8);
    const { records, errors } = await readAll(writeTemp('bad-crc.fa.gz', packed));
    expect(records.length).toBeGreaterThan(2000);
    expect(records.every((r, i) => r.id === `r${i + 1}` && r.length === 1000)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'bad-crc.fa.gz', code: 'truncated-gzip' });
    expect(errors[0]!.reason).toMatch(
      /^the gzip data is corrupt \(incorrect data check\) at line \d+; record 'r\d+' there is incomplete and was skipped$/,
    );
  });

  it('reads concatenated gzip members (bgzip style) and gzip FASTQ', async () => {
    const members = Buffer.concat([gzipSync('>a\nAC\n'), gzipSync('>b\nGT\n')]);
    const { records } = await readAll(writeTemp('members.fa.gz', members));
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    const fq = gzipSync(readFileSync(fixture('good.fq')));
    const { records: reads } = await readAll(writeTemp('reads.fq.gz', fq));
    expect(reads.map((r) => [r.id, r.quality])).toEqual([
      ['read1', 'IIIII'],
      ['read2', 'IIII'],
    ]);
  });

  it('reads a multi-chunk gzip file like its plain twin', async () => {
    const text = fasta(2000, 1000);
    const zipped = await readAll(writeTemp('big.fa.gz', gzipSync(text)));
    const plain = await readAll(writeTemp('big.fa', text));
    expect(zipped.errors).toEqual([]);
    expect(zipped.records).toEqual(plain.records);
    expect(zipped.batches).toBeGreaterThan(1);
  });
});

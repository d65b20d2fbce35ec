import { describe, expect, it } from 'vitest';
import { fixture, readAll, writeTemp } from './helpers';

describe('readSequences: FASTQ', () => {
  it('reads 4-line records with quality, upper-casing and U -> T', async () => {
    const { records, errors } = await readAll(fixture('good.fq'));
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        id: 'read1',
        description: 'lane1',
        sequence: 'ACGTN',
        quality: 'IIIII',
        line: 1,
        length: 5,
        nCount: 1,
        ambiguousCount: 0,
        gcCount: 2,
        gapCount: 0,
      },
      {
        id: 'read2',
        description: '',
        sequence: 'ACGT',
        quality: 'IIII',
        line: 5,
        length: 4,
        nCount: 0,
        ambiguousCount: 0,
        gcCount: 2,
        gapCount: 0,
      },
    ]);
  });

  it('reads CRLF files', async () => {
    const { records, errors } = await readAll(fixture('crlf.fq'));
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.id, r.line, r.sequence, r.quality])).toEqual([
      ['read1', 1, 'ACGT', 'IIII'],
      ['read2', 5, 'GGCC', 'IIII'],
    ]);
  });

  it('reports each bad record with its header line and keeps the good ones', async () => {
    const { records, errors } = await readAll(fixture('errors.fq'));
    expect(records.map((r) => [r.id, r.line])).toEqual([
      ['ok1', 1],
      ['ok2', 25],
    ]);
    const file = 'errors.fq';
    expect(errors).toEqual([
      {
        file,
        line: 5,
        recordId: 'short1',
        code: 'quality-length-mismatch',
        reason: 'quality has 4 characters, sequence has 8',
      },
      {
        file,
        line: 9,
        recordId: 'bad1',
        code: 'invalid-characters',
        reason: "invalid character 'X' (first at line 10, column 3)",
      },
      {
        file,
        line: 13,
        recordId: 'badq1',
        code: 'invalid-characters',
        reason: "invalid quality character ' ' (first at line 16, column 3)",
      },
      { file, line: 17, recordId: null, code: 'missing-id', reason: 'header has no id' },
      {
        file,
        line: 21,
        recordId: 'noplus',
        code: 'truncated-record',
        reason: "line 23 should be the '+' line (multi-line FASTQ is not supported)",
      },
      {
        file,
        line: 29,
        recordId: 'cut',
        code: 'truncated-record',
        reason: 'the file ends inside the quality line',
      },
    ]);
  });

  it('reports a record cut short at the end of the file', async () => {
    const path = writeTemp('cut.fq', '@a\nACGT\n+\nIIII\n@b\nACGT\n');
    const { records, errors } = await readAll(path);
    expect(records.map((r) => r.id)).toEqual(['a']);
    expect(errors).toEqual([
      {
        file: 'cut.fq',
        line: 5,
        recordId: 'b',
        code: 'truncated-record',
        reason: 'the file ends inside the record',
      },
    ]);
  });

  it('treats gaps as invalid in FASTQ and reports an empty read', async () => {
    const path = writeTemp('gaps.fq', '@a\nAC-T\n+\nIIII\n@e\n\n+\n\n');
    const { errors } = await readAll(path);
    expect(errors).toMatchObject([
      {
        line: 1,
        recordId: 'a',
        code: 'invalid-characters',
        reason: "invalid character '-' (first at line 2, column 3)",
      },
      { line: 5, recordId: 'e', code: 'empty-sequence' },
    ]);
  });

  it('treats a blank or CR inside a sequence line as invalid: its quality could not line up', async () => {
    // Found by the fuzz test: the blank was dropped from the bases but counted with the
    // quality, so a read came out with 6 bases and 7 quality characters.
    const text = '@cr\n\rAAAAAA\n+\nI#5?I#5\n@tab\nAC\tGT\n+\nIIIII\n@ok\nACGT\r\n+\r\nIIII\r\n';
    const { records, errors } = await readAll(writeTemp('blanks.fq', text));
    expect(records.map((r) => [r.id, r.length, r.quality])).toEqual([['ok', 4, 'IIII']]);
    expect(errors).toEqual([
      {
        file: 'blanks.fq',
        line: 1,
        recordId: 'cr',
        code: 'invalid-characters',
        reason: "invalid character '\\x0D' (first at line 2, column 1)",
      },
      {
        file: 'blanks.fq',
        line: 5,
        recordId: 'tab',
        code: 'invalid-characters',
        reason: "invalid character '\\x09' (first at line 6, column 3)",
      },
    ]);
  });

  it('reports a record that is cut by the next header, and junk between records once', async () => {
    const path = writeTemp('junk.fq', '@a\nACGT\n@b\nGG\n+\nII\nnoise\nmore noise\n@c\nT\n+\nI\n');
    const { records, errors } = await readAll(path);
    expect(records.map((r) => r.id)).toEqual(['b', 'c']);
    expect(errors).toMatchObject([
      {
        line: 1,
        recordId: 'a',
        code: 'truncated-record',
        reason: "line 3 starts a new record before the '+' line",
      },
      {
        line: 7,
        recordId: null,
        code: 'sequence-before-header',
        reason: "line is not a FASTQ header ('@')",
      },
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, readAll, writeTemp } from './helpers';

describe('readSequences: FASTA', () => {
  it('reads multi-line records with id, description, header line and counts', async () => {
    const { records, errors } = await readAll(fixture('good.fa'));
    expect(errors).toEqual([]);
    expect(
      records.map(({ id, description, line, length }) => ({ id, description, line, length })),
    ).toEqual([
      { id: 'seq1', description: 'first sample', line: 1, length: 150 },
      { id: 'seq2', description: '', line: 5, length: 95 },
      { id: 'seq3', description: 'third\tsample', line: 8, length: 61 },
    ]);
    const text = readFileSync(fixture('good.fa'), 'latin1');
    const seq1 = text.split('>')[1]!.split('\n').slice(1).join('');
    expect(records[0]!.sequence).toBe(seq1);
    expect(records[0]!.gcCount).toBe(seq1.replace(/[^GC]/g, '').length);
    expect(records[0]!.quality).toBeUndefined();
  });

  it('reads CRLF files exactly like LF files', async () => {
    const crlf = await readAll(fixture('crlf.fa'));
    const lf = await readAll(fixture('good.fa'));
    expect(crlf.errors).toEqual([]);
    expect(crlf.records[0]).toEqual(lf.records[0]);
    expect(crlf.records[1]).toMatchObject({
      id: 'seq2',
      line: 5,
      sequence: lf.records[1]!.sequence,
    });
  });

  it('upper-cases, reads U as T, removes and counts gaps, counts N and IUPAC codes', async () => {
    const { records, errors } = await readAll(fixture('lowercase-rna.fa'));
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        id: 'rna1',
        description: '',
        sequence: 'ACGTNNRYACGT',
        line: 1,
        length: 12,
        nCount: 2,
        ambiguousCount: 2,
        gcCount: 4,
        gapCount: 0,
      },
      {
        id: 'gapped1',
        description: '',
        sequence: 'ACGTNNRYSWKMBDHV',
        line: 4,
        length: 16,
        nCount: 2,
        ambiguousCount: 10,
        gcCount: 2,
        gapCount: 4,
      },
    ]);
  });

  it('reports each bad record once, with file, line, id and reason, and keeps the good ones', async () => {
    const { records, errors } = await readAll(fixture('errors.fa'));
    expect(records.map((r) => [r.id, r.line, r.sequence])).toEqual([
      ['ok1', 2, 'ACGTN'],
      ['ok2', 10, 'ACGT'],
    ]);
    const file = 'errors.fa';
    expect(errors).toEqual([
      {
        file,
        line: 1,
        recordId: null,
        code: 'sequence-before-header',
        reason: 'sequence data before the first header line',
      },
      { file, line: 4, recordId: null, code: 'missing-id', reason: 'header has no id' },
      {
        file,
        line: 6,
        recordId: 'empty1',
        code: 'empty-sequence',
        reason: 'no sequence after the header',
      },
      {
        file,
        line: 7,
        recordId: 'bad1',
        code: 'invalid-characters',
        reason: "invalid characters 'J', '*' (first at line 9, column 3)",
      },
      {
        file,
        line: 12,
        recordId: 'onlygaps',
        code: 'empty-sequence',
        reason: 'sequence has only gaps',
      },
      {
        file,
        line: 14,
        recordId: 'last',
        code: 'empty-sequence',
        reason: 'no sequence after the header',
      },
    ]);
  });

  it('uses the display name in errors', async () => {
    const { errors } = await readAll(fixture('header-only.fa'), { displayName: 'run7.fasta' });
    expect(errors).toEqual([
      {
        file: 'run7.fasta',
        line: 1,
        recordId: 'lonely',
        code: 'empty-sequence',
        reason: 'no sequence after the header',
      },
    ]);
  });

  it('skips a record whose header is not UTF-8 and reads valid UTF-8 headers', async () => {
    const { records, errors } = await readAll(fixture('non-utf8-header.fa'));
    expect(records.map((r) => [r.id, r.description])).toEqual([
      ['good1', ''],
      ['good2', 'ok \u00e9'],
    ]);
    expect(errors).toEqual([
      {
        file: 'non-utf8-header.fa',
        line: 3,
        recordId: 'caf\ufffd',
        code: 'invalid-encoding',
        reason: 'header is not valid UTF-8 (byte 0xE9 at column 5)',
      },
    ]);
  });

  it('reads a header without a final newline as an empty record', async () => {
    const path = writeTemp('no-newline.fa', '>a\nACGT\n>b');
    const { records, errors } = await readAll(path);
    expect(records.map((r) => r.id)).toEqual(['a']);
    expect(errors).toMatchObject([{ line: 3, recordId: 'b', code: 'empty-sequence' }]);
  });

  it('reads the last record without a final newline, a BOM and blank lines', async () => {
    const path = writeTemp('bom.fa', '\ufeff\n>a x\n\nAC\n\nGT\n\n>b\nGG');
    const { records, errors } = await readAll(path);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.id, r.line, r.sequence])).toEqual([
      ['a', 2, 'ACGT'],
      ['b', 8, 'GG'],
    ]);
  });

  it('ignores blanks and tabs inside sequence lines, reports other characters with position', async () => {
    const path = writeTemp('blanks.fa', '>a\nAC GT\t\n>b\nACGT\nAC\u00e9GT\n');
    const { records, errors } = await readAll(path);
    expect(records.map((r) => r.sequence)).toEqual(['ACGT']);
    expect(errors).toEqual([
      {
        file: 'blanks.fa',
        line: 3,
        recordId: 'b',
        code: 'invalid-characters',
        reason: "invalid characters '\\xC3', '\\xA9' (first at line 5, column 3)",
      },
    ]);
  });

  it('reads a 10 MB single-line sequence', async () => {
    const length = 10 * 1024 * 1024;
    const sequence = Buffer.alloc(length, 'ACGTN');
    const path = writeTemp(
      'big.fa',
      Buffer.concat([Buffer.from('>big\n'), sequence, Buffer.from('\n>small\nAC\n')]),
    );
    const { records, errors } = await readAll(path);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]!.length).toBe(length);
    expect(records[0]!.nCount).toBe(length / 5);
    expect(records[0]!.gcCount).toBe((2 * length) / 5);
    expect(records[0]!.sequence).toBe(sequence.toString('latin1'));
    expect(records[1]).toMatchObject({ id: 'small', line: 3, sequence: 'AC' });
  });

  it('streams: many records come in many batches', async () => {
    const record = `>r\n${'ACGT'.repeat(250)}\n`;
    const path = writeTemp('many.fa', record.repeat(4000)); // ~4 MB
    let batches = 0;
    let records = 0;
    const { readSequences } = await import('../../../src/core/sequences/reader');
    for await (const batch of readSequences(path)) {
      batches++;
      records += batch.length;
    }
    expect(records).toBe(4000);
    expect(batches).toBeGreaterThan(10);
  });
});

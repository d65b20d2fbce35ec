import { describe, expect, it } from 'vitest';
import { MetadataError, readMetadata } from '../../../src/core/sequences/metadata';
import { fixture, writeTemp } from './helpers';

async function failure(path: string): Promise<MetadataError> {
  const error = await readMetadata(path).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MetadataError);
  return error as MetadataError;
}

describe('readMetadata', () => {
  it('reads CSV with BOM, CRLF, quoted delimiters, escaped quotes, newlines and blank lines', async () => {
    const table = await readMetadata(fixture('metadata.csv'));
    expect(table.file).toBe('metadata.csv');
    expect(table.columns).toEqual(['Strain', 'date', 'location, site', 'note']);
    expect(table.idColumn).toBe('Strain');
    expect([...table.rows.keys()]).toEqual(['seq1', 'seq2', 'seq3']);
    expect(table.rows.get('seq1')).toEqual({
      Strain: 'seq1',
      date: '2024-01-02',
      'location, site': 'Basel, CH',
      note: 'said "hi"',
    });
    expect(table.rows.get('seq2')!.note).toBe('two\nlines');
    expect(table.rows.get('seq3')).toEqual({
      Strain: 'seq3',
      date: '',
      'location, site': 'Zurich',
      note: '',
    });
  });

  it('detects TSV and prefers the known id columns in order (name before accession)', async () => {
    const table = await readMetadata(fixture('metadata.tsv'), 'lab.tsv');
    expect(table.file).toBe('lab.tsv');
    expect(table.columns).toEqual(['accession', 'name', 'clade']);
    expect(table.idColumn).toBe('name');
    expect(table.rows.get('seq2')).toEqual({ accession: 'A2', name: 'seq2', clade: '22B' });
  });

  it('falls back to the first column, and reads semicolon files and a last line without newline', async () => {
    const table = await readMetadata(writeTemp('plain.csv', 'sample;clade\ns1;21K\ns2;22B'));
    expect(table.idColumn).toBe('sample');
    expect([...table.rows.keys()]).toEqual(['s1', 's2']);
  });

  it('accepts trailing empty fields', async () => {
    const table = await readMetadata(writeTemp('trailing.csv', 'strain,clade\ns1,21K,,\n'));
    expect(table.rows.get('s1')).toEqual({ strain: 's1', clade: '21K' });
  });

  it.each([
    [
      'metadata-bad-row.csv',
      'metadata-bad-row.csv, line 3: 1 field, expected 2 (comma-separated, as the header line)',
      3,
    ],
    [
      'metadata-duplicate.tsv',
      "metadata-duplicate.tsv, line 4: duplicate strain 'seq1' (first on line 2)",
      4,
    ],
    ['metadata-empty.csv', 'metadata-empty.csv: empty file', null],
  ])('refuses %s naming file and line', async (name, message, line) => {
    const error = await failure(fixture(name));
    expect(error.message).toBe(message);
    expect(error.file).toBe(name);
    expect(error.line).toBe(line);
  });

  it('refuses an unclosed quote, an empty id, a duplicate column and sequence data', async () => {
    expect((await failure(writeTemp('open.csv', 'id,x\na,"never closed\nb,2\n'))).message).toBe(
      'open.csv, line 2: a quoted field is never closed',
    );
    expect((await failure(writeTemp('noid.csv', 'id,x\n,1\n'))).message).toBe(
      'noid.csv, line 2: empty id',
    );
    expect((await failure(writeTemp('dup.csv', 'id,x,x\na,1,2\n'))).message).toBe(
      "dup.csv, line 1: duplicate column 'x'",
    );
    expect((await failure(fixture('good.fa'))).message).toBe(
      'good.fa, line 1: this looks like sequence data, not a metadata table',
    );
  });

  // Found by test/fuzz/metadata-reader.test.ts: the delimiter was sniffed from the first
  // physical line, so these TSV files were read as one comma-separated column.
  it('sniffs the delimiter from the header after leading blank lines', async () => {
    const table = await readMetadata(
      writeTemp('blank-first.tsv', '\n  \r\nstrain\tclade\ns1\t21K\n'),
    );
    expect(table.columns).toEqual(['strain', 'clade']);
    expect(table.rows.get('s1')).toEqual({ strain: 's1', clade: '21K' });
  });

  it('sniffs the delimiter from a whole header whose quoted name holds a line end', async () => {
    const table = await readMetadata(
      writeTemp('multiline-header.tsv', '"clade\n(nextstrain)"\tstrain\ns1-clade\ts1\n'),
    );
    expect(table.columns).toEqual(['clade\n(nextstrain)', 'strain']);
    expect(table.rows.get('s1')).toEqual({ 'clade\n(nextstrain)': 's1-clade', strain: 's1' });
  });

  // Found by test/fuzz/metadata-reader.test.ts: a quoted CR was taken for half of a CRLF.
  it('keeps a carriage return quoted at the end of a field, at a line end and at the end', async () => {
    const table = await readMetadata(
      writeTemp('quoted-cr.csv', 'strain,note\r\ns1,"one\r"\r\ns2,"two\r"\ns3,"three\r"'),
    );
    expect([...table.rows.values()].map((row) => row.note)).toEqual(['one\r', 'two\r', 'three\r']);
  });
});

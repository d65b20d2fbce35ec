import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFile, FileRefusedError } from '../../../src/core/sequences/detect';
import { fixture, writeTemp } from './helpers';

async function refusal(path: string, name?: string): Promise<FileRefusedError> {
  const error = await detectFile(path, name).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FileRefusedError);
  return error as FileRefusedError;
}

describe('detectFile', () => {
  it('recognises FASTA and FASTQ by their first character', async () => {
    expect(await detectFile(fixture('good.fa'))).toEqual({
      format: 'fasta',
      gzip: false,
      bytes: 357,
    });
    expect(await detectFile(fixture('good.fq'))).toEqual({
      format: 'fastq',
      gzip: false,
      bytes: 51,
    });
  });

  it('trusts magic bytes, not the extension', async () => {
    expect(await detectFile(fixture('really-gzip.fa'))).toMatchObject({
      format: 'fasta',
      gzip: true,
    });
    expect(await detectFile(fixture('plain-named.fa.gz'))).toMatchObject({
      format: 'fasta',
      gzip: false,
    });
  });

  it('accepts a gzip file that is truncated after its start', async () => {
    expect(await detectFile(fixture('truncated.fa.gz'))).toMatchObject({
      format: 'fasta',
      gzip: true,
    });
  });

  it('accepts FASTA with stray sequence before the first header (the reader reports it)', async () => {
    expect(await detectFile(fixture('errors.fa'))).toMatchObject({ format: 'fasta' });
  });

  it.each([
    ['empty.fa', 'empty.fa: empty file'],
    ['blank.fa', 'blank.fa: empty file (only blank lines)'],
    ['binary.fa', 'binary.fa: binary data, not sequence text'],
    ['not-sequences.json', 'not-sequences.json: not sequence data (it looks like JSON)'],
    ['notes.txt', "notes.txt: not sequence data (it does not start with '>' or '@')"],
    ['utf16.fa', 'utf16.fa: UTF-16 text; save it as UTF-8 or ASCII'],
    ['alignment.sam', 'alignment.sam: not sequence data (it looks like SAM alignments)'],
  ])('refuses %s with a one-sentence reason', async (name, message) => {
    const error = await refusal(fixture(name));
    expect(error.file).toBe(name);
    expect(error.message).toBe(message);
  });

  it('names the file by its display name', async () => {
    const error = await refusal(fixture('not-sequences.json'), 'upload-3.fasta');
    expect(error.message).toBe('upload-3.fasta: not sequence data (it looks like JSON)');
  });

  it('refuses a missing file and a folder', async () => {
    expect((await refusal(fixture('nope.fa'))).message).toBe('nope.fa: file not found');
    const folder = writeTemp('placeholder', '').replace(/placeholder$/, 'folder.fa');
    mkdirSync(folder);
    expect((await refusal(folder)).message).toBe('folder.fa: is a folder, not a file');
  });

  it('refuses gzip data that is corrupt from the start, and an empty gzip', async () => {
    const corrupt = writeTemp(
      'corrupt.fa.gz',
      Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff]),
    );
    expect((await refusal(corrupt)).message).toBe(
      'corrupt.fa.gz: the gzip data is corrupt or truncated before any content',
    );
    const { gzipSync } = await import('node:zlib');
    const empty = writeTemp('empty.fa.gz', gzipSync(Buffer.alloc(0)));
    expect((await refusal(empty)).message).toBe('empty.fa.gz: empty file (after decompression)');
  });
});

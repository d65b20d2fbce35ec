import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors';
import { loadPathogen, translate } from '../../../src/core/pathogens';
import { tempDir } from '../../helpers/genomes';

describe('loadPathogen', () => {
  it.each([
    ['sars-cov-2', 'MN908947', 29903, 12, 'left'],
    ['rsv-a', 'EPI_ISL_412866', 15225, 11, 'right'],
    ['flu-h3n2-ha', 'EPI_ISL_1563628', 1718, 3, 'left'],
  ])('%s: reference, genes and the labels indel side', (id, refId, length, geneCount, side) => {
    const pathogen = loadPathogen(`resources/pathogens/${id}`);
    expect(pathogen.id).toBe(id);
    expect(pathogen.reference.id).toBe(refId);
    expect(pathogen.reference.sequence).toHaveLength(length);
    expect(pathogen.reference.sequence).toMatch(/^[ACGT]+$/);
    expect(pathogen.genes).toHaveLength(geneCount);
    expect(pathogen.gapSide).toBe(side);
  });

  function folder(files: Record<string, string>): string {
    const dir = join(tempDir(), 'my-virus');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }
  const gene = 'r\ts\tgene\t2\t7\t.\t+\t.\tName=g\n';

  it('upper-cases the reference; id is the folder name; no labels means left', () => {
    const pathogen = loadPathogen(
      folder({ 'reference.fasta': '>r1 desc\nacgtac\ngtacgt\n', 'genome_annotation.gff3': gene }),
    );
    expect(pathogen).toEqual({
      id: 'my-virus',
      reference: { id: 'r1', sequence: 'ACGTACGTACGT' },
      genes: [{ name: 'g', start: 2, end: 7, strand: '+' }],
      gapSide: 'left',
    });
  });

  it('names the file at fault', () => {
    expect(() => loadPathogen(folder({ 'genome_annotation.gff3': gene }))).toThrow(
      /reference\.fasta: file not found/,
    );
    expect(() =>
      loadPathogen(
        folder({ 'reference.fasta': '>r\nACGT\nAC*T\n', 'genome_annotation.gff3': gene }),
      ),
    ).toThrow(/reference\.fasta line 3: invalid character "\*" at column 3/);
    expect(() =>
      loadPathogen(
        folder({ 'reference.fasta': '>r\nACGT\n>s\nACGT\n', 'genome_annotation.gff3': gene }),
      ),
    ).toThrow(/reference\.fasta line 3: a reference holds one sequence/);
    expect(() =>
      loadPathogen(folder({ 'reference.fasta': '>r\nACGT\n', 'genome_annotation.gff3': gene })),
    ).toThrow(/genome_annotation\.gff3: gene g \(2\.\.7\) extends beyond the reference \(4 nt\)/);
  });
  // Found by test/fuzz/gff3-reader.test.ts: labeled.tsv problems were plain Errors (an
  // internal error to every front) and a reference quoted half of a non-BMP character.
  it('refuses a bad labeled.tsv with an InvalidInputError naming file and line', () => {
    const files = { 'reference.fasta': '>r\nACGTACGT\n', 'genome_annotation.gff3': gene };
    const refusal = (labeled: string): unknown => {
      try {
        loadPathogen(folder({ ...files, 'labeled.tsv': labeled }));
      } catch (error) {
        return error;
      }
      return null;
    };
    const header = 'name\tclade\tpango\tn_mutations\tmutations\n';
    expect(refusal('name\tclade\n')).toBeInstanceOf(InvalidInputError);
    expect(refusal('name\tclade\n')).toHaveProperty(
      'message',
      expect.stringMatching(/labeled\.tsv: missing column\(s\) pango, n_mutations, mutations$/),
    );
    expect(refusal(`${header}t1\tA\tA\t1\tA0T\n`)).toBeInstanceOf(InvalidInputError);
    expect(refusal(`${header}t1\tA\tA\t2\tA3T\n`)).toHaveProperty(
      'message',
      expect.stringMatching(/labeled\.tsv:2: n_mutations is 2, found 1$/),
    );
  });

  it.each([
    ['AC\u{1F600}T', '\u{1F600}', 3],
    ['A\u{10000}ß', '\u{10000}', 2],
    ['ACßT', 'ß', 3],
    ['ſAC', 'ſ', 1],
    ['AC\uFB06', '\uFB06', 3],
  ])(
    'refuses reference line %j, quoting the character %j at its column',
    (line, character, column) => {
      expect(() =>
        loadPathogen(folder({ 'reference.fasta': `>r\n${line}\n`, 'genome_annotation.gff3': '' })),
      ).toThrow(`reference.fasta line 2: invalid character "${character}" at column ${column}`);
    },
  );
});

describe('translate', () => {
  it('uses the standard code', () => {
    expect(
      ['ATG', 'TGG', 'TAA', 'TAG', 'TGA', 'AAT', 'TAT', 'GGG', 'ttt', 'AUG']
        .map(translate)
        .join(''),
    ).toBe('MW***NYGFM');
  });

  it('never guesses: N, ambiguity codes, gaps and wrong lengths are X', () => {
    expect(['GCN', 'NNN', 'ARG', 'A-G', 'AT', 'ATGA', ''].map(translate)).toEqual([
      'X',
      'X',
      'X',
      'X',
      'X',
      'X',
      'X',
    ]);
  });
});

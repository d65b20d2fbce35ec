import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGff3 } from '../../../src/core/pathogens';

const gff = (id: string): string =>
  readFileSync(`resources/pathogens/${id}/genome_annotation.gff3`, 'utf8');

describe('parseGff3', () => {
  it('reads SARS-CoV-2 gene features with seqid and strand "."', () => {
    const genes = parseGff3(gff('sars-cov-2'), 'sars.gff3');
    expect(genes).toHaveLength(12);
    expect(genes.find((g) => g.name === 'S')).toEqual({
      name: 'S',
      start: 21563,
      end: 25384,
      strand: '+',
    });
    expect(genes.find((g) => g.name === 'ORF1a')).toEqual({
      name: 'ORF1a',
      start: 266,
      end: 13468,
      strand: '+',
    });
  });

  it('reads RSV-A CDS features by gene_name, skipping other types, overlapping CDS kept', () => {
    const genes = parseGff3(gff('rsv-a'), 'rsv.gff3');
    expect(genes.map((g) => g.name)).toEqual([
      'NS1',
      'NS2',
      'N',
      'P',
      'M',
      'SH',
      'G',
      'F',
      'M2-1',
      'M2-2',
      'L',
    ]);
    expect(genes.find((g) => g.name === 'M2-2')).toMatchObject({
      start: 8199,
      end: 8465,
      strand: '+',
    });
  });

  it('reads quoted gene_name values (flu HA)', () => {
    expect(
      parseGff3(gff('flu-h3n2-ha'), 'ha.gff3').map((g) => `${g.name}:${g.start}-${g.end}`),
    ).toEqual(['SigPep:1-48', 'HA1:49-1035', 'HA2:1036-1698']);
  });

  it('takes Name, then gene, when gene_name is absent; a CDS wins over its gene; minus strand', () => {
    const text = [
      '##gff-version 3',
      'chr\tsrc\tgene\t10\t99\t.\t+\t.\tID=g1;Name=alpha',
      'chr\tsrc\tCDS\t12\t98\t.\t+\t0\tParent=g1;Name=alpha',
      'chr\tsrc\tCDS\t200\t290\t.\t-\t0\tgene=beta%2C1',
      'chr\tsrc\tmRNA\t1\t300\t.\t+\t.\tName=ignored',
    ].join('\n');
    expect(parseGff3(text, 'x.gff3')).toEqual([
      { name: 'alpha', start: 12, end: 98, strand: '+' },
      { name: 'beta,1', start: 200, end: 290, strand: '-' },
    ]);
  });

  it.each([
    ['chr\tsrc\tgene\t10\t99\t.\t+\t.', /x\.gff3 line 2: expected 9 tab-separated columns/],
    ['chr\tsrc\tgene\tten\t99\t.\t+\t.\tName=a', /x\.gff3 line 2: start "ten"/],
    ['chr\tsrc\tgene\t50\t10\t.\t+\t.\tName=a', /x\.gff3 line 2: end "10"/],
    ['chr\tsrc\tgene\t10\t99\t.\t*\t.\tName=a', /x\.gff3 line 2: strand "\*"/],
    [
      'chr\tsrc\tgene\t10\t99\t.\t+\t.\tID=a',
      /x\.gff3 line 2: gene feature has no gene_name, Name or gene/,
    ],
  ])('names the file and line of a bad feature: %s', (line, message) => {
    expect(() => parseGff3(`##gff-version 3\n${line}\n`, 'x.gff3')).toThrow(message);
  });

  it('refuses a gene defined twice', () => {
    const text = 'c\ts\tgene\t1\t9\t.\t+\t.\tName=a\nc\ts\tgene\t20\t29\t.\t+\t.\tName=a\n';
    expect(() => parseGff3(text, 'x.gff3')).toThrow(
      'x.gff3 line 2: gene "a" is already defined on line 1',
    );
  });

  // Found by test/fuzz/gff3-reader.test.ts: Number() read these as positions (0x10 as 16).
  it.each(['0x10', '1e3', '+5', '1.0', '5.', '9007199254740993'])(
    'refuses a position that is not plain decimal digits: %s',
    (position) => {
      const text = `c\ts\tgene\t${position}\t20000\t.\t+\t.\tName=a\n`;
      expect(() => parseGff3(text, 'x.gff3')).toThrow(
        `x.gff3 line 1: start "${position}" is not a position`,
      );
    },
  );

  it('still reads positions with spaces around the digits', () => {
    expect(parseGff3('c\ts\tgene\t 5\t9 \t.\t+\t.\tName=a\n', 'x.gff3')).toEqual([
      { name: 'a', start: 5, end: 9, strand: '+' },
    ]);
  });
});

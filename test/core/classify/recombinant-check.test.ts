import { describe, expect, it } from 'vitest';
import { GAP, UNKNOWN } from '../../../src/core/ml/exemplar/allele-codes';
import { parseExemplarTable } from '../../../src/core/classify/exemplar-table';
import { referenceAlleleCodes } from '../../../src/core/classify/query-alleles';
import { eventColumns, findRecombinant } from '../../../src/core/classify/recombinant-check';
import {
  argMin,
  baselineAlleleCodes,
  buildSparseExemplars,
  type SparseExemplars,
  exemplarMismatches,
  mutatedPositions,
  queryDifferences,
} from '../../../src/core/classify/sparse-exemplars';
import { randomGenome, seededRandom } from '../../helpers/genomes';

const REFERENCE = randomGenome(3000, seededRandom(11));
const CODE: Record<string, number> = { A: 1, C: 2, G: 3, T: 4, '-': GAP };
const other = (base: string): string => (base === 'A' ? 'C' : 'A');
const substitution = (position: number): string =>
  `${REFERENCE[position - 1]}${position}${other(REFERENCE[position - 1]!)}`;
const deletion = (from: number, length: number): string[] =>
  Array.from({ length }, (_, i) => `${REFERENCE[from + i - 1]}${from + i}-`);

/** Clade A's and B's defining substitutions, all in the 3' half of the genome. */
const CLADE_A = [1600, 1700, 1800, 1900, 2000, 2100, 2200, 2300].map(substitution);
const CLADE_B = [1650, 1750, 1850, 1950, 2050, 2150, 2250, 2350].map(substitution);
/** Clade C: defining substitutions in the 5' half. */
const CLADE_C = [200, 300, 400, 500, 600, 700, 800, 900].map(substitution);

/** Exemplars of clades A, B and C, three each; A's also carry `aExtra`. */
function exemplarSet(aExtra: string[]): SparseExemplars {
  const lines: [string, string, string[]][] = [0, 1, 2].flatMap((i) => [
    [`a${i}`, 'A', [...CLADE_A, ...aExtra, substitution(2900 - i)]],
    [`b${i}`, 'B', [...CLADE_B, substitution(2950 - i)]],
    [`c${i}`, 'C', [...CLADE_C, substitution(2800 - i)]],
  ]);
  const byPosition = (mutations: readonly string[]): string[] =>
    [...mutations].sort((x, y) => Number(x.slice(1, -1)) - Number(y.slice(1, -1)));
  const tsv = lines.map(([id, label, m]) => `${id}\t${label}\t${byPosition(m).join(' ')}`);
  return buildSparseExemplars(
    parseExemplarTable(`id\tlabel\tmutations\n${tsv.join('\n')}\n`, REFERENCE, 'test'),
  );
}
const referenceCodes = referenceAlleleCodes(REFERENCE);

/** Runs the classifier's recombinant test on a query given as its mutations. */
function check(
  exemplars: SparseExemplars,
  mutations: string[],
): { parents: string[]; breakpoint: number } | null {
  const query = referenceCodes.slice();
  for (const m of mutations) query[Number(m.slice(1, -1)) - 1] = CODE[m.at(-1)!]!;
  const differences = queryDifferences(
    exemplars,
    referenceCodes,
    query,
    mutations.map((m) => Number(m.slice(1, -1)) - 1),
    mutatedPositions(exemplars, REFERENCE.length),
    baselineAlleleCodes(exemplars, referenceCodes),
  );
  const distances = exemplarMismatches(exemplars, query, differences.baseline);
  const best = argMin(distances);
  const finding = findRecombinant(exemplars, referenceCodes, query, distances, {
    distance: distances[best]!,
    privateDifferences: differences.private,
  });
  return (
    finding && {
      parents: finding.parents.map((c) => exemplars.labelNames[c]!),
      breakpoint: finding.breakpoint,
    }
  );
}

describe('findRecombinant', () => {
  it("calls a C 5' half joined to a B 3' half, with the breakpoint between them", () => {
    const finding = check(exemplarSet([]), [...CLADE_C, ...CLADE_B]);
    expect(finding?.parents).toEqual(['C', 'B']);
    expect(finding!.breakpoint).toBeGreaterThan(900);
    expect(finding!.breakpoint).toBeLessThanOrEqual(1650);
  });

  it('weighs a multi-base deletion as one event, so a shared 9-base deletion makes no mosaic', () => {
    const deleted = deletion(400, 9);
    expect(check(exemplarSet(deleted), [...CLADE_B, ...deleted])).toBeNull();
    // Nine shared substitutions in the same place are nine events: a mosaic.
    const substituted = [400, 410, 420, 430, 440, 450, 460, 470, 480].map(substitution);
    expect(check(exemplarSet(substituted), [...CLADE_B, ...substituted])?.parents).toEqual([
      'A',
      'B',
    ]);
  });
});

describe('eventColumns', () => {
  const sites = Int32Array.from([10, 11, 12, 13, 20, 21]);
  const reference = Uint8Array.from([1, 2, 3, 4, 1, 2]);

  it('keeps the first column of a deletion run and drops its continuation', () => {
    // Row 0 deletes 10-12; row 1 is the reference; the query deletes 10-12 too.
    const codes = Uint8Array.from([GAP, GAP, GAP, 4, 1, 2, 1, 2, 3, 4, 1, 2]);
    const query = Uint8Array.from([GAP, GAP, GAP, 4, 1, 2]);
    expect(eventColumns(sites, reference, codes, query, 2)).toEqual([0, 3, 4, 5]);
  });

  it('keeps a column that carries a substitution, a differing gap pattern or a gap after a jump', () => {
    // Column 1: row 1 substitutes next to row 0's deletion; column 5 follows column 4 but
    // starts a deletion there; column 4 (site 20) is not adjacent to site 13.
    const codes = Uint8Array.from([GAP, GAP, GAP, GAP, GAP, GAP, 1, 3, 3, 4, 1, GAP]);
    const query = Uint8Array.from([1, 2, 3, 4, GAP, GAP]);
    expect(eventColumns(sites, reference, codes, query, 2)).toEqual([0, 1, 4, 5]);
  });

  it('keeps a column where the query becomes known or unknown', () => {
    const codes = Uint8Array.from([GAP, GAP, GAP, GAP, 1, 2]);
    const query = Uint8Array.from([UNKNOWN, GAP, GAP, UNKNOWN, 1, 2]);
    expect(eventColumns(sites, reference, codes, query, 1)).toEqual([0, 1, 3, 4, 5]);
  });
});

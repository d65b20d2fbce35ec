import { describe, expect, it } from 'vitest';
import type { SequenceCalls } from '../../../../src/shared/analysis-types';
import { encodeAlleleCodes, exemplarDistances } from '../../../../src/core/ml/exemplar';
import { parseExemplarTable } from '../../../../src/core/ml/classify/exemplar-table';
import {
  changedIndices,
  queryAlleleCodes,
  referenceAlleleCodes,
} from '../../../../src/core/ml/classify/query-alleles';
import {
  buildSparseExemplars,
  exemplarMismatches,
  mutatedPositions,
  queryDifferences,
} from '../../../../src/core/ml/classify/sparse-exemplars';
import { randomGenome, seededRandom } from '../../../helpers/genomes';

const random = seededRandom(11);
const reference = randomGenome(400, random);
const alt = (p: number): string =>
  'ACGT-'.replace(reference[p - 1]!, '')[Math.floor(random() * 4)]!;

function randomMutations(count: number): string {
  const positions = new Set<number>();
  while (positions.size < count) positions.add(1 + Math.floor(random() * reference.length));
  return [...positions].map((p) => `${reference[p - 1]}${p}${alt(p)}`).join(' ');
}

/** Calls with substitutions, deletions, N runs, an ambiguity code and ragged ends. */
function randomCalls(): SequenceCalls {
  const substitutions = Array.from({ length: 12 }, () => {
    const position = 20 + Math.floor(random() * 360);
    return {
      position,
      refNuc: reference[position - 1]!,
      queryNuc: 'ACGT'[Math.floor(random() * 4)]!,
    };
  }).filter((s) => s.queryNuc !== s.refNuc);
  return {
    alignmentStart: 1 + Math.floor(random() * 15),
    alignmentEnd: 385 + Math.floor(random() * 15),
    reverseComplemented: false,
    substitutions,
    deletions: [{ start: 200 + Math.floor(random() * 20), length: 3 }],
    insertions: [],
    missing: [{ start: 100 + Math.floor(random() * 50), end: 170 }],
    ambiguous: [{ position: 300, code: 'R' }],
    aaSubstitutions: [],
    aaDeletions: [],
    frameShifts: [],
    stopCodons: [],
  };
}

/** The dense aligned string of a query: '-' deleted, 'N' unknown (ends included). */
function denseQuery(calls: SequenceCalls): string {
  const out = reference.split('');
  for (const s of calls.substitutions) out[s.position - 1] = s.queryNuc;
  out[299] = 'N';
  for (const m of calls.missing) for (let p = m.start; p <= m.end; p++) out[p - 1] = 'N';
  for (const d of calls.deletions)
    for (let p = d.start; p < d.start + d.length; p++) out[p - 1] = '-';
  for (let p = 1; p < calls.alignmentStart; p++) out[p - 1] = 'N';
  for (let p = calls.alignmentEnd + 1; p <= reference.length; p++) out[p - 1] = 'N';
  return out.join('');
}

describe('sparse exemplar distances', () => {
  const table = `id\tlabel\tmutations\n${Array.from(
    { length: 25 },
    (_, e) => `e${e}\t${'ABC'[e % 3]}\t${randomMutations(5 + (e % 30))}`,
  ).join('\n')}\n`;
  const rows = parseExemplarTable(table, reference, 'test: exemplars.tsv');
  const sparse = buildSparseExemplars(rows);
  const dense = {
    positions: reference.length,
    codes: encodeAlleleCodes(
      rows.map((row) => {
        const bases = reference.split('');
        for (const m of row.mutations) bases[m.position - 1] = m.alt;
        return bases.join('');
      }),
    ).codes,
    labels: sparse.labels,
    nClasses: sparse.labelNames.length,
    width: 5 as const,
  };
  const referenceCodes = referenceAlleleCodes(reference);

  it('equal the dense N-aware mismatch counts (gaps are alleles, N and ends unknown)', () => {
    for (let trial = 0; trial < 20; trial++) {
      const calls = randomCalls();
      const query = queryAlleleCodes(referenceCodes, calls);
      expect(query).toEqual(encodeAlleleCodes([denseQuery(calls)]).codes);
      const mutated = mutatedPositions(sparse, reference.length);
      const differences = queryDifferences(referenceCodes, query, changedIndices(calls), mutated);
      const fast = exemplarMismatches(sparse, referenceCodes, query, differences.total);
      expect(Array.from(fast)).toEqual(Array.from(exemplarDistances(dense, query, false)));
    }
  });

  it('numbers classes by first appearance', () => {
    expect(sparse.labelNames).toEqual(['A', 'B', 'C']);
    expect(Array.from(sparse.labels.slice(0, 4))).toEqual([0, 1, 2, 0]);
  });
});

describe('parseExemplarTable', () => {
  const ref = 'ACGTACGTAC';
  it.each([
    ['id\tlabel\nx\tA\n', /test: missing column\(s\) mutations/],
    ['id\tlabel\tmutations\nx\tA\tA1T C9\n', /test line 2: bad mutation "C9"/],
    ['id\tlabel\tmutations\nx\tA\tC1T\n', /test line 2: C1T but the reference has A at 1/],
    ['id\tlabel\tmutations\nx\tA\tA11T\n', /test line 2: A11T is outside the reference/],
    ['id\tlabel\tmutations\nx\tA\tA1A\n', /changes nothing/],
    ['id\tlabel\tmutations\nx\tA\tA1T A1G\n', /position 1 is mutated twice/],
    ['id\tlabel\tmutations\n', /test: no exemplars/],
  ])('refuses %j', (tsv, message) => {
    expect(() => parseExemplarTable(tsv, ref, 'test')).toThrow(message);
  });

  it('reads deletions and sorts mutations by position', () => {
    const [row] = parseExemplarTable('id\tlabel\tmutations\nx\tA\tG7A C2-\n', ref, 'test');
    expect(row!.mutations.map((m) => `${m.refNuc}${m.position}${m.alt}`)).toEqual(['C2-', 'G7A']);
  });
});

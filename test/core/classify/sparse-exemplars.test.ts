import { describe, expect, it } from 'vitest';
import type { SequenceCalls } from '../../../src/shared/analysis-types';
import { alignedSequence } from '../../../src/core/analysis/align/aligned-sequence';
import {
  alignedAlleleFeatures,
  alleleDimension,
  alignedAlleleFeaturizerConfigSchema,
} from '../../../src/core/features/aligned-alleles';
import { encodeAlleleCodes, exemplarDistances } from '../../../src/core/ml/exemplar';
import { parseExemplarTable } from '../../../src/core/classify/exemplar-table';
import {
  changedIndices,
  queryAlleleCodes,
  queryAlleleFeatures,
  referenceAlleleCodes,
} from '../../../src/core/classify/query-alleles';
import {
  baselineAlleleCodes,
  buildSparseExemplars,
  exemplarMismatches,
  mutatedPositions,
  queryDifferences,
} from '../../../src/core/classify/sparse-exemplars';
import { randomGenome, seededRandom } from '../../helpers/genomes';

const random = seededRandom(11);
const reference = randomGenome(400, random);
const alt = (p: number): string =>
  'ACGT-'.replace(reference[p - 1]!, '')[Math.floor(random() * 4)]!;

/** Sites most exemplars share a mutation at (their baseline is not the reference base). */
const sharedSites = [30, 95, 180, 250, 330].map((p) => ({ position: p, alt: alt(p) }));

/** `count` random mutations, plus the shared ones (or another allele there) for most. */
function exemplarMutations(e: number, count: number): string {
  const alts = new Map<number, string>();
  if (e % 4 !== 0)
    for (const { position, alt: shared } of sharedSites)
      alts.set(
        position,
        e % 7 === 0
          ? 'ACGT-'.replace(reference[position - 1]!, '').replace(shared, '')[0]!
          : shared,
      );
  while (alts.size < count + (e % 4 !== 0 ? sharedSites.length : 0)) {
    const p = 1 + Math.floor(random() * reference.length);
    if (!alts.has(p)) alts.set(p, alt(p));
  }
  return [...alts].map(([p, a]) => `${reference[p - 1]}${p}${a}`).join(' ');
}

/** Calls with substitutions, deletions, N runs, an ambiguity code and ragged ends. */
function randomCalls(withShared: boolean): SequenceCalls {
  const shared = withShared
    ? sharedSites.slice(1).map(({ position, alt: a }) => ({
        position,
        refNuc: reference[position - 1]!,
        queryNuc: a === '-' ? 'ACGT'.replace(reference[position - 1]!, '')[0]! : a,
      }))
    : [];
  const substitutions = Array.from({ length: 12 }, () => {
    const position = 20 + Math.floor(random() * 360);
    return {
      position,
      refNuc: reference[position - 1]!,
      queryNuc: 'ACGT'[Math.floor(random() * 4)]!,
    };
  })
    .filter((s) => s.queryNuc !== s.refNuc)
    .concat(shared);
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
    (_, e) => `e${e}\t${'ABC'[e % 3]}\t${exemplarMutations(e, 5 + (e % 30))}`,
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
    // The shared sites' baseline is the mutation most exemplars carry, not the reference.
    expect(sparse.shiftedSites.length).toBe(sharedSites.length);
    for (let trial = 0; trial < 40; trial++) {
      const calls = randomCalls(trial % 2 === 1);
      const query = queryAlleleCodes(referenceCodes, calls);
      expect(query).toEqual(encodeAlleleCodes([denseQuery(calls)]).codes);
      const mutated = mutatedPositions(sparse, reference.length);
      const differences = queryDifferences(
        sparse,
        referenceCodes,
        query,
        changedIndices(calls),
        mutated,
        baselineAlleleCodes(sparse, referenceCodes),
      );
      const fast = exemplarMismatches(sparse, query, differences.baseline);
      expect(Array.from(fast)).toEqual(Array.from(exemplarDistances(dense, query, false)));
    }
  });

  it('give the aligned-allele features of the aligned sequence, with or without a gap column', () => {
    for (const includeGap of [false, true]) {
      const config = alignedAlleleFeaturizerConfigSchema.parse({
        kind: 'aligned-alleles',
        referenceLength: reference.length,
        positions: Array.from({ length: reference.length / 2 }, (_, i) => 2 * i + 1),
        includeGap,
      });
      for (let trial = 0; trial < 10; trial++) {
        const calls = randomCalls(trial % 2 === 1);
        const row = queryAlleleFeatures(
          config,
          queryAlleleCodes(referenceCodes, calls),
          calls,
          new Float32Array(alleleDimension(config)).fill(7),
        );
        const expected = alignedAlleleFeatures(config, [alignedSequence(reference, calls)]);
        expect(Array.from(row)).toEqual(Array.from(expected));
      }
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

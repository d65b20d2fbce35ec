import { beforeAll, describe, expect, it } from 'vitest';
import type { QcRuleName, SequenceCalls } from '../../../../src/shared/analysis-types';
import { loadPathogenConfig, type QcConfig } from '../../../../src/core/analysis/qc/config';
import {
  findNearestReference,
  type NearestReferenceMatch,
} from '../../../../src/core/analysis/qc/labeled-references';
import type { LabeledSubstitution, PrivateMutations } from '../../../../src/core/analysis/qc/private-mutations';
import { runQc } from '../../../../src/core/analysis/qc/run-qc';
import { callsFromMutations, labeledReferences, makeCalls, pathogenDir } from './helpers';

let sarsCov2: QcConfig;
let rsvA: QcConfig;
beforeAll(async () => {
  sarsCov2 = (await loadPathogenConfig(pathogenDir('sars-cov-2'))).qc;
  rsvA = (await loadPathogenConfig(pathogenDir('rsv-a'))).qc;
});

/** C>T at each position; carrying `clades` lets one list serve as reversions, labeled or unlabeled. */
const subs = (positions: number[]): LabeledSubstitution[] =>
  positions.map((position) => ({ position, tipNuc: 'C', queryNuc: 'T', clades: ['20A'] }));

function nearest(privateMutations: Partial<PrivateMutations> = {}): NearestReferenceMatch {
  return {
    nearest: { name: 'BA.2', clade: '21L', pango: 'BA.2', distance: 0 },
    privateMutations: {
      reversions: [],
      labeled: [],
      unlabeled: [],
      deletions: [],
      undeletions: [],
      ...privateMutations,
    },
  };
}

function rule(name: QcRuleName, calls: SequenceCalls, match = nearest(), config = sarsCov2) {
  const found = runQc(calls, { config, nearest: match }).rules.find((r) => r.rule === name);
  if (!found) throw new Error(`no ${name} rule`);
  return found;
}

const withMissing = (count: number) =>
  makeCalls({ missing: count > 0 ? [{ start: 1000, end: 999 + count }] : [] });

describe('missing data (SARS-CoV-2: free to 300, bad at 3,000)', () => {
  it.each([
    [0, 0, 'good'],
    [300, 0, 'good'],
    [1109, 29.96, 'good'],
    [1110, 30, 'mediocre'],
    [2999, 99.96, 'mediocre'],
    [3000, 100, 'bad'],
    [3210, 107.78, 'bad'],
  ])('%i missing bases score %d (%s)', (count, score, verdict) => {
    const result = rule('missingData', withMissing(count));
    expect(result.score).toBeCloseTo(score, 2);
    expect(result).toMatchObject({ verdict, value: count });
  });

  it('explains itself with the numbers and thresholds', () => {
    expect(rule('missingData', withMissing(3210)).reason).toBe(
      '3,210 missing bases (N or not covered); counted above 300, mediocre from 1,110, bad from 3,000.',
    );
  });

  it('counts overlapping ranges once', () => {
    const calls = makeCalls({
      missing: [
        { start: 1, end: 2000 },
        { start: 1501, end: 3000 },
      ],
    });
    expect(rule('missingData', calls).value).toBe(3000);
  });
});

describe('mixed sites (SARS-CoV-2: bad at 10)', () => {
  it.each([
    [0, 'good'],
    [2, 'good'],
    [3, 'mediocre'],
    [9, 'mediocre'],
    [10, 'bad'],
    [11, 'bad'],
  ])('%i ambiguous sites are %s', (count, verdict) => {
    const ambiguous = Array.from({ length: count }, (_, i) => ({ position: 100 + i, code: 'R' }));
    const result = rule('mixedSites', makeCalls({ ambiguous }));
    expect(result).toMatchObject({ score: count * 10, verdict, value: count });
  });

  it('explains itself', () => {
    const ambiguous = [{ position: 5, code: 'Y' }];
    expect(rule('mixedSites', makeCalls({ ambiguous })).reason).toBe(
      '1 ambiguous base (IUPAC codes other than N); mediocre from 3, bad from 10.',
    );
  });
});

describe('private mutations (SARS-CoV-2: reversions 6, labeled 4, unlabeled 1; typical 8, cutoff 24)', () => {
  it.each([
    ['8 unlabeled', { unlabeled: subs([1, 2, 3, 4, 5, 6, 7, 8]) }, 8, 0, 'good'],
    [
      'one of each and a deletion run',
      {
        reversions: subs([1]),
        labeled: subs([2]),
        unlabeled: subs([3]),
        deletions: [{ start: 10, end: 18 }],
      },
      12,
      16.67,
      'good',
    ],
    [
      '2 reversions, 1 labeled',
      { reversions: subs([1, 2]), labeled: subs([3]) },
      16,
      33.33,
      'mediocre',
    ],
    [
      '4 reversions, 2 labeled',
      { reversions: subs([1, 2, 3, 4]), labeled: subs([5, 6]) },
      32,
      100,
      'bad',
    ],
    [
      '5 reversions, 3 labeled',
      { reversions: subs([1, 2, 3, 4, 5]), labeled: subs([6, 7, 8]) },
      42,
      141.67,
      'bad',
    ],
  ])('%s: weighted %i', (_, mutations, weighted, score, verdict) => {
    const result = rule('privateMutations', makeCalls(), nearest(mutations));
    expect(result.value).toBe(weighted);
    expect(result.score).toBeCloseTo(score, 2);
    expect(result.verdict).toBe(verdict);
  });

  it('does not count undeletions', () => {
    const result = rule(
      'privateMutations',
      makeCalls(),
      nearest({ undeletions: [1, 2, 3, 4, 5, 6, 7, 8, 9] }),
    );
    expect(result.value).toBe(0);
  });

  it('explains itself, naming the nearest reference', () => {
    const match = nearest({ reversions: subs([1, 2, 3, 4]), labeled: subs([5, 6]) });
    expect(rule('privateMutations', makeCalls(), match).reason).toBe(
      '32 weighted private mutations relative to BA.2 (4 reversions × 6, 2 labeled (seen in other ' +
        'references) × 4, 0 unlabeled × 1, 0 deletion runs × 1); typical 8, mediocre from 15.2, bad from 32.',
    );
  });

  it('weighs the reversions found against a labeled reference', () => {
    const tree = labeledReferences([
      ['B', '19A', ''],
      ['L', '20A', 'C10T C20T C30T C40T C50T C60T C70T C80T C90T C95T C99T'],
    ]);
    // Drops two of L's mutations (2 reversions × 6) and adds one new one.
    const calls = callsFromMutations('C10T C20T C30T C40T C50T C60T C70T C80T C90T G700T');
    const match = findNearestReference(tree, calls)!;
    expect(match.nearest).toMatchObject({ name: 'L', distance: 3 });
    expect(match.privateMutations.reversions.map((r) => r.position)).toEqual([95, 99]);
    expect(rule('privateMutations', calls, match).value).toBe(13);
  });
});

describe('SNP clusters (SARS-CoV-2: more than 6 in 100 bases, 50 each)', () => {
  const six = [1000, 1010, 1020, 1030, 1040, 1050];
  it.each([
    ['6 in a window', six, 0, 'good'],
    ['7 in a window', [...six, 1100], 50, 'mediocre'],
    ['two clusters', [...six, 1100, 5000, 5001, 5002, 5003, 5004, 5005, 5006], 100, 'bad'],
  ])('%s', (_, positions, score, verdict) => {
    const result = rule('snpClusters', makeCalls(), nearest({ unlabeled: subs(positions) }));
    expect(result).toMatchObject({ score, verdict, value: score / 50 });
  });

  it('counts reversions and labeled substitutions too, and says where', () => {
    const match = nearest({
      reversions: subs([1000, 1010, 1020]),
      labeled: subs([1030, 1040, 1050, 1100]),
    });
    expect(rule('snpClusters', makeCalls(), match).reason).toBe(
      '1 cluster (1,000–1,100: 7) of more than 6 private substitutions within 100 bases; ' +
        'each adds 50, mediocre from 1, bad from 2.',
    );
  });
});

describe('frame shifts (75 each, known ones ignored)', () => {
  const shift = (gene: string, codonStart: number, codonEnd: number) => ({
    gene,
    nucStart: 1,
    nucEnd: 2,
    codonStart,
    codonEnd,
  });

  it.each([
    ['none', [], 0, 'good'],
    ['the known S:142-143', [shift('S', 142, 143)], 0, 'good'],
    ['S:142-144 (not an exact known range)', [shift('S', 142, 144)], 75, 'mediocre'],
    ['two unknown', [shift('S', 142, 144), shift('ORF1a', 10, 20)], 150, 'bad'],
  ])('%s', (_, frameShifts, score, verdict) => {
    expect(rule('frameShifts', makeCalls({ frameShifts }))).toMatchObject({ score, verdict });
  });

  it('explains itself, listing counted and ignored ones', () => {
    const calls = makeCalls({ frameShifts: [shift('ORF1a', 10, 20), shift('S', 142, 143)] });
    expect(rule('frameShifts', calls).reason).toBe(
      '1 frame shift (codons ORF1a:10-20); 1 known one ignored (S:142-143); ' +
        'each adds 75, mediocre from 1, bad from 2.',
    );
  });
});

describe('stop codons (75 each, known ones ignored)', () => {
  const stop = (gene: string, codon: number) => ({ gene, codon });

  it.each([
    ['none', [], 0, 'good'],
    ['the known ORF8:27 and ORF8:68', [stop('ORF8', 27), stop('ORF8', 68)], 0, 'good'],
    ['ORF8:26 (1-based, not known)', [stop('ORF8', 26)], 75, 'mediocre'],
    ['S:100', [stop('S', 100)], 75, 'mediocre'],
    ['S:100 and ORF1a:50', [stop('S', 100), stop('ORF1a', 50)], 150, 'bad'],
  ])('%s', (_, stopCodons, score, verdict) => {
    expect(rule('stopCodons', makeCalls({ stopCodons }))).toMatchObject({ score, verdict });
  });

  it('explains itself', () => {
    const calls = makeCalls({ stopCodons: [stop('ORF8', 27), stop('ORF8', 68)] });
    expect(rule('stopCodons', calls).reason).toBe(
      'No premature stop codon; 2 known ones ignored (ORF8:27, ORF8:68); ' +
        'each adds 75, mediocre from 1, bad from 2.',
    );
  });
});

describe('overall score', () => {
  it('is the sum of score² / 100', () => {
    const calls = makeCalls({
      missing: [{ start: 1, end: 1110 }],
      stopCodons: [{ gene: 'S', codon: 100 }],
    });
    const result = runQc(calls, { config: sarsCov2, nearest: nearest() });
    expect(result.overallScore).toBeCloseTo(30 ** 2 / 100 + 75 ** 2 / 100, 10);
    expect(result.verdict).toBe('mediocre');
  });

  it('stays good with one mildly mediocre rule, and turns bad with one bad rule', () => {
    const mild = runQc(withMissing(1650), { config: sarsCov2, nearest: nearest() });
    expect(mild.rules[0]).toMatchObject({ score: 50, verdict: 'mediocre' });
    expect(mild).toMatchObject({ overallScore: 25, verdict: 'good' });
    const bad = runQc(withMissing(3000), { config: sarsCov2, nearest: nearest() });
    expect(bad).toMatchObject({ overallScore: 100, verdict: 'bad' });
  });

  it('is perfect for a clean sequence', () => {
    const result = runQc(makeCalls(), { config: sarsCov2, nearest: nearest() });
    expect(result).toMatchObject({ overallScore: 0, verdict: 'good' });
    expect(result.rules.every((r) => r.verdict === 'good' && r.score === 0)).toBe(true);
  });

  it('lists the enabled rules in a fixed order', () => {
    const names = (config: QcConfig) =>
      runQc(makeCalls({}, 15225), { config, nearest: nearest() }).rules.map((r) => r.rule);
    expect(names(sarsCov2)).toEqual([
      'missingData',
      'mixedSites',
      'privateMutations',
      'snpClusters',
      'frameShifts',
      'stopCodons',
    ]);
    // RSV-A checks no SNP clusters and no missing data, as in Nextclade's dataset.
    expect(names(rsvA)).toEqual(['mixedSites', 'privateMutations', 'frameShifts', 'stopCodons']);
  });
});

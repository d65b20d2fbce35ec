import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findNearestReference,
  loadLabeledReferences,
  parseLabeledReferences,
} from '../../../../src/core/analysis/qc/labeled-references';
import { callsFromMutations, labeledReferences, makeCalls, pathogenDir } from './helpers';

// R carries ten mutations; S is a sister with R's first eight plus two; B is the root.
const R = 'C10T C20T C30T C40T C50T C60T C70T C80T C90T C95T';
const tree = labeledReferences([
  ['B', '19A', ''],
  ['R', '20A', R],
  ['S', '20B', 'C10T C20T C30T C40T C50T C60T C70T C80T A500G G510T'],
  ['D', '20C', 'C100T G200A A400-'],
  ['A', '20D', 'C100T G200A'],
]);

describe('findNearestReference', () => {
  it('finds a labeled reference itself at distance 0 with nothing private', () => {
    const match = findNearestReference(tree, callsFromMutations(R))!;
    expect(match.nearest).toEqual({ name: 'R', clade: '20A', pango: 'R', distance: 0 });
    expect(match.privateMutations).toEqual({
      reversions: [],
      labeled: [],
      unlabeled: [],
      deletions: [],
      undeletions: [],
    });
  });

  it('counts reversions only at covered, unambiguous positions', () => {
    // The query lacks R's C90T, C95T and C80T; 95 is N and 80 is an ambiguous Y.
    const calls = callsFromMutations('C10T C20T C30T C40T C50T C60T C70T', {
      missing: [{ start: 93, end: 97 }],
      ambiguous: [{ position: 80, code: 'Y' }],
    });
    const match = findNearestReference(tree, calls)!;
    expect(match.nearest.name).toBe('R');
    expect(match.nearest.distance).toBe(1);
    expect(match.privateMutations.reversions).toEqual([
      { position: 90, tipNuc: 'T', queryNuc: 'C' },
    ]);
  });

  it('splits private substitutions into labeled (seen in another reference) and unlabeled', () => {
    const calls = callsFromMutations(`${R} A500G G700T`);
    calls.substitutions.push({ position: 100, refNuc: 'C', queryNuc: 'A' });
    const match = findNearestReference(tree, calls)!;
    expect(match.nearest).toMatchObject({ name: 'R', distance: 3 });
    expect(match.privateMutations.labeled).toEqual([
      { position: 500, tipNuc: 'A', queryNuc: 'G', clades: ['20B'] },
    ]);
    // C100A: other references carry C100T, not A.
    expect(match.privateMutations.unlabeled).toEqual([
      { position: 100, tipNuc: 'C', queryNuc: 'A' },
      { position: 700, tipNuc: 'G', queryNuc: 'T' },
    ]);
  });

  it('counts deletions per position and reports private deletion runs', () => {
    const calls = callsFromMutations(R, { deletions: [{ start: 600, length: 3 }] });
    const match = findNearestReference(tree, calls)!;
    expect(match.nearest).toMatchObject({ name: 'R', distance: 3 });
    expect(match.privateMutations.deletions).toEqual([{ start: 600, end: 602 }]);
  });

  it('ignores what the sequence does not cover, and breaks ties towards fewer mutations', () => {
    // D and A differ only by D's deletion at 400.
    const covered = findNearestReference(tree, callsFromMutations('C100T G200A'))!;
    expect(covered.nearest).toMatchObject({ name: 'A', distance: 0 });
    const deleted = findNearestReference(tree, callsFromMutations('C100T G200A A400-'))!;
    expect(deleted.nearest).toMatchObject({ name: 'D', distance: 0 });
    // With 400 not covered, D and A tie at 0 and A (fewer mutations) wins.
    const notCovered = callsFromMutations('C100T G200A', { alignmentEnd: 399 });
    expect(findNearestReference(tree, notCovered)!.nearest).toMatchObject({
      name: 'A',
      distance: 0,
    });
  });

  it('reports a reference deletion where the sequence has the base as an undeletion, not a reversion', () => {
    const withTip = labeledReferences([['D', '20C', 'C100T G200A A400-']]);
    const match = findNearestReference(withTip, callsFromMutations('C100T G200A'))!;
    expect(match.nearest.distance).toBe(1);
    expect(match.privateMutations.undeletions).toEqual([400]);
    expect(match.privateMutations.reversions).toEqual([]);
  });

  it('agrees with a position-by-position comparison on random data', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const length = 400;
    const bases = 'ACGT-';
    const randomGenotype = (rate: number) => {
      const genotype = new Map<number, string>();
      for (let p = 1; p <= length; p += 1) {
        if (random() < rate) genotype.set(p, bases[Math.floor(random() * 5)]!);
      }
      return genotype;
    };
    const tips = Array.from({ length: 40 }, () => randomGenotype(0.05));
    const toText = (g: Map<number, string>) =>
      [...g]
        .filter(([, alt]) => alt !== 'A')
        .map(([p, alt]) => `A${p}${alt}`)
        .join(' ');
    const refs = labeledReferences(tips.map((g, i) => [`t${i}`, 'c', toText(g)]));
    for (let query = 0; query < 30; query += 1) {
      const genotype = randomGenotype(0.05);
      const calls = callsFromMutations(toText(genotype), {
        alignmentStart: 1 + Math.floor(random() * 30),
        alignmentEnd: length - Math.floor(random() * 30),
        missing: [{ start: 150, end: 150 + Math.floor(random() * 60) }],
        ambiguous: [{ position: 300, code: 'R' }],
      });
      const covered = (p: number) =>
        p >= calls.alignmentStart &&
        p <= calls.alignmentEnd &&
        !(p >= 150 && p <= calls.missing[0]!.end) &&
        p !== 300;
      const distances = tips.map((tip) => {
        let d = 0;
        for (let p = 1; p <= length; p += 1) {
          const a = genotype.get(p) ?? 'A';
          const b = tip.get(p) ?? 'A';
          if (covered(p) && a !== b) d += 1;
        }
        return d;
      });
      const match = findNearestReference(refs, calls)!;
      expect(match.nearest.distance).toBe(Math.min(...distances));
      // Every differing position is accounted for by exactly one private mutation.
      const { reversions, labeled, unlabeled, deletions, undeletions } = match.privateMutations;
      const deleted = deletions.reduce((sum, run) => sum + run.end - run.start + 1, 0);
      const privateCount =
        reversions.length + labeled.length + unlabeled.length + undeletions.length;
      expect(privateCount + deleted).toBe(match.nearest.distance);
    }
  });
});

describe('parseLabeledReferences', () => {
  const header = 'name\tclade\tpango\tn_mutations\tmutations';

  it('rejects a count that does not match the mutations, with the line', () => {
    expect(() => parseLabeledReferences(`${header}\nX\t1\tX\t2\tC1T`, 'l.tsv')).toThrow(
      'l.tsv:2: n_mutations is 2, found 1',
    );
  });

  it('rejects a malformed mutation and a missing column', () => {
    expect(() => parseLabeledReferences(`${header}\nX\t1\tX\t1\tC1`)).toThrow('bad mutation "C1"');
    expect(() => parseLabeledReferences('name\tclade\n')).toThrow('missing column(s) pango');
  });

  it('gives no nearest reference when there are none', () => {
    expect(findNearestReference(parseLabeledReferences(`${header}\n`), makeCalls())).toBeNull();
  });
});

describe('shipped labeled references', () => {
  it('finds the SARS-CoV-2 tip JN.1 as its own nearest reference, at distance 0', async () => {
    const dir = pathogenDir('sars-cov-2');
    const refs = await loadLabeledReferences(dir);
    const row = readFileSync(join(dir, 'labeled.tsv'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('JN.1\t'))!
      .split('\t');
    const calls = callsFromMutations(row[4]!, { missing: [{ start: 1, end: 54 }] });
    const match = findNearestReference(refs, calls)!;
    expect(match.nearest).toEqual({ name: 'JN.1', clade: '24A', pango: 'JN.1', distance: 0 });
  });

  it.each(['sars-cov-2', 'rsv-a', 'flu-h3n2-ha'])('puts every %s tip at distance 0', async (id) => {
    const dir = pathogenDir(id);
    const refs = await loadLabeledReferences(dir);
    const rows = readFileSync(join(dir, 'labeled.tsv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBe(refs.tips.length);
    const distances = rows.map((line) => {
      const calls = callsFromMutations(line.split('\t')[4] ?? '', { alignmentEnd: 30_000 });
      return findNearestReference(refs, calls)!.nearest.distance;
    });
    expect(Math.max(...distances)).toBe(0);
  });
});

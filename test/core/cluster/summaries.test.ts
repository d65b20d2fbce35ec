import { describe, expect, it } from 'vitest';
import { MEDOID_SAMPLE_SIZE, summarizeClusters } from '../../../src/core/cluster/summaries';

// Cluster 0: rows 0-4 on a line (medoid: the middle one, row 2); cluster 1: rows 5-8;
// noise: rows 9-10.
const coordinates = [
  [0, 0],
  [1, 0],
  [2, 0],
  [3, 0],
  [10, 0],
  [50, 50],
  [51, 50],
  [50, 51],
  [51, 51],
  [-40, 9],
  [90, -3],
];
const points = { rows: 11, cols: 2, data: Float32Array.from(coordinates.flat()) };
const assignments = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, -1, -1]);
const ids = coordinates.map((_, i) => `seq${i}`);

describe('summarizeClusters', () => {
  it('gives each cluster its size and medoid, clusters first and noise last', () => {
    const summaries = summarizeClusters({ assignments, points, ids });
    expect(summaries.map((s) => [s.cluster, s.noise, s.size])).toEqual([
      [0, false, 5],
      [1, false, 4],
      [-1, true, 2],
    ]);
    expect(summaries[0]!.medoidId).toBe('seq2');
    // A square: all four tie, the first member wins.
    expect(summaries[1]!.medoidId).toBe('seq5');
    expect(summaries[0]!.majorityLabel).toBeNull();
    expect(summaries[0]!.purity).toBeNull();
    expect(summaries[0]!.qcMix).toEqual({});
  });

  it('reports the majority label, purity over labelled members, top labels and the QC mix', () => {
    const labels = ['B.1', 'B.1', 'A', null, 'B.1', 'C', 'D', 'C', 'D', null, 'A'];
    const qcVerdicts = [
      'good',
      'good',
      'bad',
      null,
      'mediocre',
      'good',
      'good',
      'good',
      'good',
      'failed',
      null,
    ];
    const [first, second, noise] = summarizeClusters({
      assignments,
      points,
      ids,
      labels,
      qcVerdicts,
    });
    expect(first!.majorityLabel).toBe('B.1');
    expect(first!.purity).toBe(0.75); // 3 of the 4 labelled members
    expect(first!.labelCounts).toEqual([
      { label: 'B.1', count: 3 },
      { label: 'A', count: 1 },
    ]);
    expect(first!.qcMix).toEqual({ good: 2, bad: 1, unscored: 1, mediocre: 1 });
    // Tied counts: alphabetical.
    expect(second!.majorityLabel).toBe('C');
    expect(second!.purity).toBe(0.5);
    expect(noise!.labelCounts).toEqual([{ label: 'A', count: 1 }]);
    expect(noise!.qcMix).toEqual({ failed: 1, unscored: 1 });
  });

  it('finds mutations present in most of a cluster and rare outside it', () => {
    const carriers = {
      mutations: ['S:N501Y', 'ORF1a:T1001I', 'N:R203K', 'S:D614G', 'M:I82T'],
      rows: [
        Int32Array.from([0, 1, 2, 3, 4]), // all of cluster 0, nothing outside
        Int32Array.from([0, 1, 2, 3, 4, 9]), // all of cluster 0, 1 of 6 outside: too common
        Int32Array.from([5, 6, 7]), // 3 of 4 in cluster 1: below 0.9
        Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), // everywhere
        Int32Array.from([5, 6, 7, 8, 10]), // all of cluster 1, 1 of 7 outside
      ],
    };
    const [first, second, noise] = summarizeClusters({ assignments, points, ids, carriers });
    expect(first!.definingMutations).toEqual([{ mutation: 'S:N501Y', presence: 1, outside: 0 }]);
    expect(second!.definingMutations).toEqual([]);
    const loose = summarizeClusters({
      assignments,
      points,
      ids,
      carriers,
      definingPresence: 0.75,
      definingOutside: 0.2,
    });
    expect(loose[0]!.definingMutations.map((d) => d.mutation)).toEqual(['S:N501Y', 'ORF1a:T1001I']);
    expect(loose[1]!.definingMutations).toEqual([
      { mutation: 'M:I82T', presence: 1, outside: 1 / 7 },
      { mutation: 'N:R203K', presence: 0.75, outside: 0 },
    ]);
    expect(noise!.definingMutations).toEqual([]);
  });

  it('finds the medoid of a large cluster from a deterministic sample', () => {
    // 2,001 points on a line, symmetric around 1000: the centre is the true medoid and any
    // fair sample's medoid lies close to it.
    const rows = 2001;
    const data = Float32Array.from({ length: rows }, (_, i) => i);
    const big = {
      assignments: new Int32Array(rows),
      points: { rows, cols: 1, data },
      ids: Array.from({ length: rows }, (_, i) => String(i)),
    };
    expect(rows).toBeGreaterThan(MEDOID_SAMPLE_SIZE);
    const [summary] = summarizeClusters(big);
    expect(Math.abs(Number(summary!.medoidId) - 1000)).toBeLessThan(100);
    expect(summarizeClusters(big)[0]!.medoidId).toBe(summary!.medoidId);
  });

  it('rejects inputs of different lengths', () => {
    expect(() => summarizeClusters({ assignments, points, ids: ids.slice(1) })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import type { Prediction } from '../../../src/shared/classify-types';
import {
  confidenceHistogram,
  summarizeRows,
  toPredictionRow,
} from '../../../src/core/classify/prediction-rules';

const prediction = (over: Partial<Prediction> = {}): Prediction => ({
  id: 's1',
  label: '22F',
  confidence: 0.93,
  status: 'assigned',
  top: [
    { label: '22F', probability: 0.93 },
    { label: '23A', probability: 0.05 },
  ],
  fallbackLabel: '22F',
  fallbackExemplar: 'XBB.1',
  fallbackDistance: 2,
  recombinant: null,
  tree: null,
  model: 'm',
  modelVersion: '1',
  ...over,
});

describe('stored predictions', () => {
  it('unassigns a confident call on a genome with bad QC, keeping the model label aside', () => {
    const row = toPredictionRow(prediction(), 0, 'bad', []);
    expect(row).toMatchObject({
      status: 'unassigned',
      reason: 'bad-qc',
      label: null,
      topLabel: '22F',
    });
    expect(toPredictionRow(prediction(), 0, 'mediocre', []).status).toBe('assigned');
    expect(toPredictionRow(prediction(), 0, null, []).status).toBe('assigned');
  });

  it('keeps not-aligned as the reason when the genome did not align', () => {
    const failed = prediction({
      label: null,
      status: 'unassigned',
      reason: 'not-aligned',
      top: [],
    });
    expect(toPredictionRow(failed, 3, 'bad', [])).toMatchObject({
      reason: 'not-aligned',
      topLabel: null,
      ordinal: 3,
    });
  });

  it('counts a run by label and by reason', () => {
    const rows = [
      toPredictionRow(prediction({ id: 'a' }), 0, 'good', []),
      toPredictionRow(prediction({ id: 'b', confidence: 0.81 }), 1, 'good', []),
      toPredictionRow(
        prediction({ id: 'c', label: '23A', top: [{ label: '23A', probability: 0.9 }] }),
        2,
        'good',
        [],
      ),
      toPredictionRow(prediction({ id: 'd' }), 3, 'bad', []),
      toPredictionRow(
        prediction({ id: 'e', label: null, status: 'unassigned', reason: 'low-confidence' }),
        4,
        'good',
        [],
      ),
    ];
    const totals = summarizeRows(rows);
    expect(totals).toMatchObject({
      sequenceCount: 5,
      assignedCount: 3,
      unassignedCount: 2,
      unassignedByReason: { 'low-confidence': 1, 'bad-qc': 1, 'not-aligned': 0 },
    });
    expect(totals.labelCounts).toEqual([
      { label: '22F', count: 2, meanConfidence: (0.93 + 0.81) / 2 },
      { label: '23A', count: 1, meanConfidence: 0.93 },
    ]);
  });

  it('bins confidence with 1 in the last bin', () => {
    const bins = confidenceHistogram(
      [
        { confidence: 0, status: 'unassigned' },
        { confidence: 0.5, status: 'assigned' },
        { confidence: 1, status: 'assigned' },
      ],
      4,
    );
    expect(bins.map((b) => [b.assigned, b.unassigned])).toEqual([
      [0, 1],
      [0, 0],
      [1, 0],
      [1, 0],
    ]);
  });
});

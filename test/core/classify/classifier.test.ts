import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClassifier, type Classifier } from '../../../src/core/classify';
import { tipGenome } from '../../../src/core/pathogens/tip-genomes';
import { randomGenome, seededRandom, tempDir } from '../../helpers/genomes';
import {
  buildTestBundle,
  CLADES,
  exemplarTips,
  heldOutTips,
  REFERENCE,
  tipOfClade,
} from './classify-fixtures';

const records = heldOutTips.map((tip) => ({
  id: tip.name,
  sequence: tipGenome(REFERENCE, tip, { nFraction: 0.03, privateMutations: 2, seed: 7 }),
}));
const accuracy = (labels: (string | null)[]): number =>
  labels.filter((label, i) => label === heldOutTips[i]!.clade).length / labels.length;

describe('openClassifier on an aligned-allele bundle', () => {
  let bundlePath: string;
  let classifier: Classifier;
  beforeAll(async () => {
    bundlePath = join(tempDir(), 'clade.zip');
    writeFileSync(bundlePath, await buildTestBundle({ featurizer: 'aligned-alleles' }));
    classifier = await openClassifier(bundlePath);
  });
  afterAll(() => classifier?.close());

  it('assigns held-out genomes with 3% N to their clades, in input order, with a fallback', async () => {
    const progress: number[] = [];
    const predictions = await classifier.classify(records, {
      onProgress: ({ done }) => progress.push(done),
    });
    expect(predictions.map((p) => p.id)).toEqual(records.map((r) => r.id));
    expect(accuracy(predictions.map((p) => p.label))).toBeGreaterThanOrEqual(0.9);
    expect(accuracy(predictions.map((p) => p.fallbackLabel))).toBeGreaterThanOrEqual(0.9);
    expect(progress.at(-1)).toBe(records.length);
    for (const p of predictions) {
      expect(p.top).toHaveLength(3);
      expect(p.top[0]!.probability).toBe(p.confidence);
      expect(p.top[0]!.probability).toBeGreaterThanOrEqual(p.top[1]!.probability);
      expect(p).toMatchObject({ model: 'test-sars-cov-2-clade', modelVersion: '1.0.0' });
      expect(p.fallbackDistance).toBeGreaterThanOrEqual(0);
    }
  });

  it('classifies the same from a copy of the bundle in another directory', async () => {
    const elsewhere = join(tempDir(), 'moved', 'deeper');
    mkdirSync(elsewhere, { recursive: true });
    const copy = join(elsewhere, 'renamed.zip');
    cpSync(bundlePath, copy);
    const moved = await openClassifier(copy, { threads: 1, windowSize: 7 });
    try {
      expect(await moved.classify(records)).toEqual(await classifier.classify(records));
    } finally {
      await moved.close();
    }
  });

  it('reports a sequence that does not align as unassigned, not-aligned', async () => {
    const junk = randomGenome(2000, seededRandom(5));
    const [prediction] = await classifier.classify([{ id: 'junk', sequence: junk }]);
    expect(prediction).toMatchObject({
      id: 'junk',
      label: null,
      status: 'unassigned',
      reason: 'not-aligned',
      fallbackLabel: null,
      fallbackDistance: null,
    });
    expect(prediction!.detail).toBeTruthy();
  });

  it('counts fallback mismatches only where the query is known', async () => {
    const exemplar = exemplarTips[0]!;
    const exact = tipGenome(REFERENCE, exemplar);
    // Mask a stretch holding some of the exemplar's substitutions with N, or with the
    // reference's bases: only the second adds mismatches.
    const inside = exemplar.mutations.filter(
      (m) => m.alt !== '-' && m.position > 21000 && m.position <= 24000,
    );
    expect(inside.length).toBeGreaterThan(0);
    // Offsets in the ungapped genome shift left by the deletions before them.
    const deletedBefore = (position: number): number =>
      exemplar.mutations.filter((m) => m.alt === '-' && m.position < position).length;
    const from = 21000 - deletedBefore(21001);
    const to = 24000 - deletedBefore(24001);
    const masked = exact.slice(0, from) + 'N'.repeat(to - from) + exact.slice(to);
    const reverted =
      exact.slice(0, from) +
      REFERENCE.slice(21000, 24000).replace(/./g, (ch, i) =>
        exemplar.mutations.some((m) => m.alt === '-' && m.position === 21001 + i) ? '' : ch,
      ) +
      exact.slice(to);
    const [a, b, c] = await classifier.classify([
      { id: 'exact', sequence: exact },
      { id: 'masked', sequence: masked },
      { id: 'reverted', sequence: reverted },
    ]);
    expect(a!.fallbackDistance).toBe(0);
    expect(b!.fallbackDistance).toBe(0);
    expect(b!.fallbackLabel).toBe(exemplar.clade);
    expect(c!.fallbackDistance).toBe(inside.length);
  });

  it('calls a two-clade mosaic a recombinant with its parents and breakpoint', async () => {
    const [head, tail] = [tipOfClade('21J'), tipOfClade('24A')];
    const split = 15000;
    const mosaic = tipGenome(REFERENCE, {
      ...head,
      name: 'mosaic',
      mutations: [
        ...head.mutations.filter((m) => m.position < split),
        ...tail.mutations.filter((m) => m.position >= split),
      ],
    });
    const [prediction, plain] = await classifier.classify([
      { id: 'mosaic', sequence: mosaic },
      { id: 'plain', sequence: tipGenome(REFERENCE, tail) },
    ]);
    expect(prediction!.recombinant?.parents).toEqual(['21J', '24A']);
    // The breakpoint lies between the sites where every exemplar of one parent clade differs
    // from every exemplar of the other, on either side of the split.
    const allele = (tip: typeof head, p: number) =>
      tip.mutations.find((m) => m.position === p)?.alt ?? REFERENCE[p - 1];
    const alleles = (clade: string, p: number) =>
      new Set(exemplarTips.filter((t) => t.clade === clade).map((t) => allele(t, p)));
    const distinguishing = [...head.mutations, ...tail.mutations]
      .map((m) => m.position)
      .filter((p) => [...alleles('21J', p)].every((a) => !alleles('24A', p).has(a)));
    const before = Math.max(...distinguishing.filter((p) => p < split));
    const after = Math.min(...distinguishing.filter((p) => p >= split));
    expect(prediction!.recombinant!.breakpoint).toBeGreaterThan(before);
    expect(prediction!.recombinant!.breakpoint).toBeLessThanOrEqual(after);
    expect(plain!.recombinant).toBeNull();
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(classifier.classify(records, { signal: controller.signal })).rejects.toThrow(
      /abort/i,
    );
  });
});

describe('bundle verification, temperature and threshold', () => {
  it('refuses a bundle whose model.onnx has one byte changed', async () => {
    const entries = unzipSync(await buildTestBundle({ featurizer: 'aligned-alleles' }));
    const model = entries['model.onnx']!;
    const middle = model.length >> 1;
    model[middle] = model[middle]! ^ 0x01;
    const path = join(tempDir(), 'tampered.zip');
    writeFileSync(path, zipSync(entries));
    await expect(openClassifier(path)).rejects.toThrow(`${path}: model.onnx: sha256 is`);
  });

  it('softens confidences with the temperature and keeps the ranking', async () => {
    const open = async (temperature: number) =>
      openClassifier(await buildTestBundle({ featurizer: 'aligned-alleles', temperature }), {
        recombinant: false,
      });
    const [cold, hot] = await Promise.all([open(1), open(4)]);
    try {
      const [a, b] = await Promise.all([cold.classify(records), hot.classify(records)]);
      a.forEach((p, i) => {
        const q = b[i]!;
        expect(q.top.map((t) => t.label)).toEqual(p.top.map((t) => t.label));
        // softmax(log p / T) over the top two: their odds are the T-th root of the originals.
        const odds = p.top[0]!.probability / p.top[1]!.probability;
        expect(q.top[0]!.probability / q.top[1]!.probability).toBeCloseTo(odds ** (1 / 4), 6);
        if (p.confidence < 0.999) expect(q.confidence).toBeLessThan(p.confidence);
      });
    } finally {
      await Promise.all([cold.close(), hot.close()]);
    }
  });

  it('reports rows below the confidence threshold as unassigned with the fallback', async () => {
    const strict = await openClassifier(
      await buildTestBundle({ featurizer: 'aligned-alleles', confidenceThreshold: 1 }),
    );
    try {
      const predictions = await strict.classify(records);
      for (const p of predictions) {
        expect(p).toMatchObject({ label: null, status: 'unassigned', reason: 'low-confidence' });
        expect(CLADES).toContain(p.fallbackLabel);
        expect(p.confidence).toBeLessThan(1);
      }
    } finally {
      await strict.close();
    }
  });
});

describe('openClassifier on a k-mer bundle', () => {
  it('classifies from 5-mer spectra and still reports the nearest exemplar', async () => {
    const classifier = await openClassifier(await buildTestBundle({ featurizer: 'kmer' }));
    try {
      const predictions = await classifier.classify(records);
      expect(accuracy(predictions.map((p) => p.top[0]!.label))).toBeGreaterThanOrEqual(0.6);
      expect(accuracy(predictions.map((p) => p.fallbackLabel))).toBeGreaterThanOrEqual(0.9);
      const [short] = await classifier.classify([{ id: 'read', sequence: 'ACGTTGCA'.repeat(20) }]);
      expect(short!.top).toHaveLength(3);
      expect(short!.fallbackLabel).toBeNull();
    } finally {
      await classifier.close();
    }
  });
});

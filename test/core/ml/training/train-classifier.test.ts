import { describe, expect, it } from 'vitest';
import { alignedSequence, createAligner } from '../../../../src/core/analysis/align';
import { readBundle } from '../../../../src/core/bundles';
import { alignedAlleleFeatures, featurizerDimension } from '../../../../src/core/features';
import { argmaxLabels } from '../../../../src/core/ml/metrics';
import { createSession, runFloat } from '../../../../src/core/onnx/session';
import { trainClassifier, type TrainingProgress } from '../../../../src/core/ml/training';
import { loadPathogen } from '../../../../src/core/pathogens/load-pathogen';
import { FLU_DIR, fluTips } from './flu-tips';

const CREATED_AT = '2026-01-01T00:00:00.000Z';
const { train, test } = fluTips(30, 10);

describe('trainClassifier', () => {
  it('writes a verified bundle whose model classifies held-out genomes', async () => {
    const stages = new Set<string>();
    const { bundleBytes, report } = await trainClassifier(train, FLU_DIR, {
      folds: 3,
      maxEpochs: 5,
      createdAt: CREATED_AT,
      onProgress: (p: TrainingProgress) => stages.add(p.stage),
    });
    expect([...stages]).toEqual(['align', 'features', 'cross-validate', 'final-fit', 'bundle']);
    const { manifest, files } = await readBundle(bundleBytes);
    expect(Object.keys(files).sort()).toEqual([
      'annotation.gff3',
      'exemplars.tsv',
      'model.onnx',
      'reference.fasta',
    ]);
    expect(manifest).toMatchObject({
      name: 'flu-h3n2-ha-clade',
      task: 'clade',
      labels: { 0: 'D', 1: 'G.1.3', 2: 'J', 3: 'J.2' },
      reference: { id: 'flu-h3n2-ha' },
      createdAt: CREATED_AT,
    });
    expect(manifest.confidenceThreshold).toBe(report.confidenceThreshold);
    const exemplars = new TextDecoder().decode(files['exemplars.tsv']).trimEnd().split('\n');
    expect(exemplars[0]).toBe('id\tlabel\tmutations');
    // Every distinct training genome is an exemplar (3 of the 120 repeat another's alleles).
    const trainIds = new Set(train.map((g) => g.id));
    const listed = exemplars.slice(1).map((line) => line.split('\t')[0]!);
    expect(listed.every((id) => trainIds.has(id))).toBe(true);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBeGreaterThan(train.length - 10);
    // Every trial of the search was scored; the chosen one is the best by macro-F1.
    const best = Math.max(...report.trials.map((t) => t.score ?? 0));
    expect(report.trials.find((t) => t.name === report.chosen)?.score).toBe(best);
    expect(report.crossValidation.accuracy).toBeGreaterThan(0.9);
    // No group is tested in two folds: the folds' distinct groups add up to all groups.
    expect(report.perFold.reduce((sum, f) => sum + f.groups, 0)).toBe(report.groups);

    // The bundle on its own: align with its pathogen, featurize with its config, run its model.
    const aligner = createAligner(loadPathogen(FLU_DIR));
    const aligned = test.map((g) => {
      const outcome = aligner.align(g.sequence);
      if (!outcome.ok) throw new Error(outcome.reason);
      return alignedSequence(aligner.pathogen.reference.sequence, outcome.calls);
    });
    if (manifest.featurizer.kind !== 'aligned-alleles') throw new Error('expected allele features');
    const d = featurizerDimension(manifest.featurizer);
    const features = alignedAlleleFeatures(manifest.featurizer, aligned);
    const session = await createSession(files['model.onnx']!);
    const { probabilities } = await runFloat(session, {
      features: { data: features, dims: [test.length, d] },
    });
    await session.release();
    const predicted = argmaxLabels(probabilities!.data, 4);
    const names = ['D', 'G.1.3', 'J', 'J.2'];
    const correct = test.filter((g, i) => names[predicted[i]!] === g.label).length;
    // Measured 40/40; the floor leaves room for a different but sound model choice.
    expect(correct / test.length).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic for a seed and stops when aborted', async () => {
    const small = train.filter((_, i) => i % 2 === 0);
    const options = { model: 'exemplar' as const, folds: 2, createdAt: CREATED_AT, seed: 3 };
    const first = await trainClassifier(small, FLU_DIR, options);
    const second = await trainClassifier(small, FLU_DIR, options);
    expect(Buffer.from(second.bundleBytes).equals(Buffer.from(first.bundleBytes))).toBe(true);

    const controller = new AbortController();
    const run = trainClassifier(small, FLU_DIR, {
      ...options,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'cross-validate') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('keeps the exemplars of a class that exceeds exemplarsPerClass to the most diverse few', async () => {
    const { bundleBytes } = await trainClassifier(train, FLU_DIR, {
      model: 'exemplar',
      folds: 2,
      createdAt: CREATED_AT,
      exemplarsPerClass: 10,
    });
    const { files } = await readBundle(bundleBytes);
    const rows = new TextDecoder().decode(files['exemplars.tsv']).trimEnd().split('\n').slice(1);
    const perLabel = new Map<string, number>();
    for (const row of rows) {
      const label = row.split('\t')[1]!;
      perLabel.set(label, (perLabel.get(label) ?? 0) + 1);
    }
    expect([...perLabel.values()]).toEqual([10, 10, 10, 10]);
  });
});

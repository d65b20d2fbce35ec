/**
 * Held-out accuracy of the shipped training recipe, measured the way the independent
 * evaluation of the tips is drawn: ~20% of the labeled tips of each clade are held back
 * (seeded), the model is trained by `trainClassifier` on the rest exactly as
 * `npm run build:models` trains it (SARS-CoV-2 cross-validation groups: `--grouping lineage`,
 * the default and the build's, `parent` or `subtree`), and the held-back tips, rebuilt with ~3% N in runs
 * (as `tips_to_fasta.py --ns-fraction 0.03` does), are classified through the bundle.
 *
 *   node --import tsx bench/train/holdout.ts [--pathogen sars-cov-2] [--model auto]
 *     [--fraction 0.2] [--seed 1] [--copies 2] [--grouping lineage|parent|subtree]
 *     [--out bundle.zip]
 *
 * Prints accuracy (unassigned counts as wrong), accuracy of the label or, when unassigned,
 * the fallback label, coverage, accuracy among assigned, and the most frequent confusions.
 * Where the pathogen has a reference tree, each held-back genome is also placed on it with
 * every held-back tip left out of the tree (its lineage's internal nodes stay: the tree's own
 * held-out tips were pruned from it, these were not), and tested for a mosaic; printed: the
 * tree's clade accuracy and two ways of combining it with the model.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openClassifier } from '../../src/core/classify';
import {
  pangoParentGroup,
  pangoSubtreeGroup,
  tipTrainingGenomes,
  trainClassifier,
} from '../../src/core/ml/training';
import type { ModelFamily } from '../../src/core/ml/training/candidates';
import { loadPathogen } from '../../src/core/pathogens';
import type { LabeledRow } from '../../src/core/pathogens/labeled-mutations';
import { tipGenome } from '../../src/core/pathogens/tip-genomes';
import { createAligner } from '../../src/core/analysis/align/aligner';
import { findMosaic } from '../../src/core/tree/mosaic';
import { PlacementIndex, queryFromCalls } from '../../src/core/tree/placement';
import { buildReferenceTree } from '../../src/core/tree/reference-tree';
import { RECOMBINANT_CLADE } from '../../src/core/tree/tree-placer';
import { existsSync, readFileSync } from 'node:fs';
import { reliabilityCurve } from '../../src/core/ml/metrics';
import { readTips, stratifiedTestMask } from './dataset';

const root = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    pathogen: { type: 'string', default: 'sars-cov-2' },
    model: { type: 'string', default: 'auto' },
    fraction: { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '1' },
    copies: { type: 'string', default: '2' },
    grouping: { type: 'string', default: 'lineage' },
    out: { type: 'string' },
  },
});
const pathogenId = values.pathogen!;
const seed = Number(values.seed);
const copies = Number(values.copies);
const dir = join(root, 'resources', 'pathogens', pathogenId);
const reference = loadPathogen(dir).reference.sequence;
const rows = readTips(dir).filter((row) => row.clade !== '' && row.clade !== 'unassigned');
const classes = [...new Set(rows.map((row) => row.clade))].sort();
const labelOf = Int32Array.from(rows, (row) => classes.indexOf(row.clade));
const test = stratifiedTestMask(labelOf, classes.length, Number(values.fraction), seed);

const groupOf = (row: LabeledRow): string =>
  values.grouping === 'subtree'
    ? pangoSubtreeGroup(row.pango)
    : values.grouping === 'parent'
      ? pangoParentGroup(row.pango)
      : row.pango;
const training = tipTrainingGenomes(
  reference,
  rows.filter((_, i) => test[i] === 0),
  { copies, seed, ...(pathogenId === 'sars-cov-2' && { groupOf }) },
);
const heldOut = rows.filter((_, i) => test[i] === 1);
process.stderr.write(
  `${pathogenId}: training on ${rows.length - heldOut.length} tips (${training.length} genomes), ` +
    `${heldOut.length} held out\n`,
);
const started = performance.now();
let last = '';
const { bundleBytes, report } = await trainClassifier(training, dir, {
  pathogenId,
  seed,
  maxEpochs: 10,
  model: values.model as ModelFamily | 'auto',
  createdAt: '2026-01-01T00:00:00.000Z',
  onProgress: (p) => {
    const line = p.stage === 'cross-validate' ? p.candidate : p.stage;
    if (line !== last) process.stderr.write(`  ${(last = line)}\n`);
  },
});
const trainSeconds = (performance.now() - started) / 1000;

if (values.out) writeFileSync(values.out, bundleBytes);
const classifier = await openClassifier(bundleBytes, { name: `${pathogenId} holdout` });
const heldOutGenomes = heldOut.map((row) => ({
  id: row.name,
  // Another seed than the training copies: the N runs of a held-back tip are new.
  sequence: tipGenome(reference, row, { nFraction: 0.03, seed: seed * 1000 + 777 }),
}));
const predictions = await classifier.classify(heldOutGenomes);
await classifier.close();

/** The tree's call for each held-back genome (null: no tree, or it did not align). */
function treeCalls(): (string | null)[] | null {
  const treeFile = join(dir, 'tree.json');
  if (!existsSync(treeFile)) return null;
  const tree = buildReferenceTree(readFileSync(treeFile, 'utf8'), reference, treeFile);
  const index = new PlacementIndex(tree, reference);
  const held = new Set(heldOut.map((row) => row.name));
  const excluded = Uint8Array.from(tree.names, (name) => (held.has(name) ? 1 : 0));
  const exclude = (node: number): boolean => excluded[node] === 1;
  const hasRecombinant = tree.clade.includes(RECOMBINANT_CLADE);
  const aligner = createAligner(loadPathogen(dir));
  return heldOutGenomes.map(({ sequence }) => {
    const outcome = aligner.align(sequence);
    if (!outcome.ok) return null;
    const query = queryFromCalls(outcome.calls, reference.length);
    const placement = index.place(query, exclude);
    if (!hasRecombinant || placement.clade === RECOMBINANT_CLADE) return placement.clade;
    const mosaic = findMosaic(index, query, placement.node, reference, undefined, exclude);
    return mosaic ? RECOMBINANT_CLADE : placement.clade;
  });
}
const treeCall = treeCalls();

let top1 = 0;
let flaggedRecombinant = 0;
let flaggedCorrect = 0;
let top1WithFlag = 0;
let correct = 0;
let correctOrFallback = 0;
let assigned = 0;
let assignedCorrect = 0;
const confusions = new Map<string, number>();
predictions.forEach((prediction, i) => {
  const truth = heldOut[i]!.clade;
  const answer = prediction.label ?? prediction.fallbackLabel;
  if (prediction.label === truth) correct++;
  if (prediction.top[0]?.label === truth) top1++;
  if (prediction.recombinant) {
    flaggedRecombinant++;
    if (truth === 'recombinant') flaggedCorrect++;
  }
  if ((prediction.recombinant ? 'recombinant' : prediction.top[0]?.label) === truth) top1WithFlag++;
  if (answer === truth) correctOrFallback++;
  if (prediction.status === 'assigned') {
    assigned++;
    if (prediction.label === truth) assignedCorrect++;
  }
  if (answer !== truth) {
    const key = `${truth} -> ${answer ?? 'none'}`;
    confusions.set(key, (confusions.get(key) ?? 0) + 1);
  }
});
const n = predictions.length;
const cv = report.crossValidation;
// Calibration of the top label's confidence on the held-back tips (15 bins).
const ece = reliabilityCurve(
  predictions.map((p) => p.top[0]?.probability ?? 0),
  predictions.map((p, i) => (p.top[0]?.label === heldOut[i]!.clade ? 1 : 0)),
).ece;
const wrongTruths = predictions
  .map((p, i) => ({ p, truth: heldOut[i]!.clade }))
  .filter(({ p, truth }) => p.label !== truth);
const recombinantShare =
  wrongTruths.length === 0
    ? 0
    : wrongTruths.filter(({ truth }) => truth === 'recombinant').length / wrongTruths.length;
const treeLines: string[] = [];
if (treeCall) {
  let tree = 0;
  let treeWhenUnassigned = 0;
  let treeWhenDisagree = 0;
  predictions.forEach((prediction, i) => {
    const truth = heldOut[i]!.clade;
    const t = treeCall[i] ?? null;
    if (t === truth) tree++;
    if ((prediction.label ?? t) === truth) treeWhenUnassigned++;
    // The tree decides wherever it disagrees with the model's top label.
    if ((t ?? prediction.label) === truth) treeWhenDisagree++;
  });
  treeLines.push(
    `tree clade accuracy ${(tree / n).toFixed(4)} (held-back tips left out of the tree; mosaics -> recombinant)`,
    `model, else tree    ${(treeWhenUnassigned / n).toFixed(4)} (the tree's clade where the model is unassigned)`,
    `tree, else model    ${(treeWhenDisagree / n).toFixed(4)}`,
  );
}
console.log(
  [
    `pathogen            ${pathogenId}`,
    `chosen              ${report.chosen}`,
    `group CV accuracy   ${cv.accuracy.toFixed(4)} (macro-F1 ${cv.macroF1.toFixed(4)})`,
    `held-out tips       ${n}`,
    `top label accuracy  ${(top1 / n).toFixed(4)} (whatever the confidence)`,
    `accuracy            ${(correct / n).toFixed(4)} (unassigned counted wrong)`,
    `label or fallback   ${(correctOrFallback / n).toFixed(4)}`,
    `coverage            ${(assigned / n).toFixed(4)} at threshold ${report.confidenceThreshold.toFixed(3)}`,
    `accuracy assigned   ${(assignedCorrect / Math.max(1, assigned)).toFixed(4)}`,
    `ECE (top label)     ${ece.toFixed(4)}`,
    `errors recombinant  ${(100 * recombinantShare).toFixed(1)}% of ${wrongTruths.length} (label != truth, unassigned counted)`,
    `recombinant flags   ${flaggedRecombinant} (${flaggedCorrect} on tips labeled recombinant); top label with flagged -> recombinant ${(top1WithFlag / n).toFixed(4)}`,
    ...treeLines,
    `training            ${trainSeconds.toFixed(0)} s`,
    `confusions          ${[...confusions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([key, count]) => `${key} x${count}`)
      .join(', ')}`,
  ].join('\n'),
);

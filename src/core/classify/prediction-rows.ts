/**
 * Predictions as output rows: a table (TSV, CSV) with the columns the CLI documents, or
 * JSON / NDJSON objects that also carry the reason and the top three labels. Written in
 * pieces (header, rows as they come, footer) so output streams with the input.
 */
import { formatTable, type RecordFormat } from '../sequences/delimited';
import type { TreePlacement } from '../../shared/classify-types';
import { privateAaMutations, privateNucMutations, treeAgrees } from '../../shared/tree-placement';
import type { Prediction } from './prediction';

/** The placement on the reference tree, as `treeCells` fills them. */
export const TREE_COLUMNS = [
  'tree_clade',
  'tree_node',
  'tree_distance',
  'tree_nodes_at_best',
  'tree_clade_share',
  'tree_agrees',
  'private_mutations',
  'tree_recombinant_parents',
  'tree_breakpoints',
  'private_aa_mutations',
] as const;

export const PREDICTION_COLUMNS = [
  'id',
  'label',
  'confidence',
  'status',
  'fallback_label',
  'fallback_distance',
  'model',
  'model_version',
  'recombinant_parents',
  'breakpoint',
  'recombinant',
  ...TREE_COLUMNS,
] as const;

type Column = (typeof PREDICTION_COLUMNS)[number];
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * The tree columns of a row (the CLI's and the stored run's export): the placement and
 * `tree_agrees`, `yes` when the model's label is the tree's clade, `no` when both exist and
 * differ.
 */
export function treeCells(tree: TreePlacement | null, label: string | null) {
  const agrees = treeAgrees(label, tree);
  return {
    tree_clade: tree?.clade ?? null,
    tree_node: tree?.node ?? null,
    tree_distance: tree?.distance ?? null,
    tree_nodes_at_best: tree?.nodesAtBest ?? null,
    tree_clade_share: tree ? round(tree.cladeShare) : null,
    tree_agrees: agrees === null ? null : agrees ? 'yes' : 'no',
    private_mutations: tree ? privateNucMutations(tree).join(' ') : null,
    tree_recombinant_parents: tree?.recombinant
      ? tree.recombinant.parents.map((p) => `${p.clade}:${p.node}`).join('/')
      : null,
    tree_breakpoints: tree?.recombinant
      ? tree.recombinant.breakpoints.map((b) => `${b.after}-${b.before}`).join(',')
      : null,
    private_aa_mutations: tree ? privateAaMutations(tree).join(' ') : null,
  };
}

/**
 * One prediction as a flat row (confidence to 4 decimals, parents as `A/B`, the tree's
 * private mutations space-separated).
 */
export function predictionRow(p: Prediction): Record<Column, string | number | null> {
  const aligned = p.fallbackDistance !== null || p.tree !== null;
  return {
    id: p.id,
    label: p.label,
    confidence: round(p.confidence),
    status: p.status,
    fallback_label: p.fallbackLabel,
    fallback_distance: p.fallbackDistance,
    model: p.model,
    model_version: p.modelVersion,
    recombinant_parents: p.recombinant ? p.recombinant.parents.join('/') : null,
    breakpoint: p.recombinant?.breakpoint ?? null,
    recombinant: aligned ? (p.recombinant || p.tree?.recombinant ? 'yes' : 'no') : null,
    ...treeCells(p.tree, p.label),
  };
}

function objectOf(p: Prediction): Record<string, unknown> {
  return {
    ...predictionRow(p),
    reason: p.reason ?? null,
    ...(p.detail !== undefined && { detail: p.detail }),
    top: p.top.map((t) => ({ label: t.label, probability: round(t.probability) })),
    tree: p.tree,
  };
}

export interface PredictionWriter {
  header(): string;
  /** @param first whether these are the first rows written (JSON separates by commas) */
  rows(predictions: readonly Prediction[], first: boolean): string;
  footer(): string;
}

/** The writer of one output format; JSON is one array, written open, rows, close. */
export function createPredictionWriter(format: RecordFormat): PredictionWriter {
  if (format === 'json')
    return {
      header: () => '[',
      rows: (predictions, first) =>
        predictions
          .map((p, i) => `${first && i === 0 ? '\n' : ',\n'}  ${JSON.stringify(objectOf(p))}`)
          .join(''),
      footer: () => '\n]\n',
    };
  if (format === 'ndjson')
    return {
      header: () => '',
      rows: (predictions) => predictions.map((p) => `${JSON.stringify(objectOf(p))}\n`).join(''),
      footer: () => '',
    };
  const cells = (p: Prediction): string[] =>
    Object.values(predictionRow(p)).map((v) => (v === null ? '' : String(v)));
  return {
    header: () => formatTable([...PREDICTION_COLUMNS], [], format),
    rows: (predictions) =>
      predictions.length === 0
        ? ''
        : formatTable([], predictions.map(cells), format).replace(/^\n/, ''),
    footer: () => '',
  };
}

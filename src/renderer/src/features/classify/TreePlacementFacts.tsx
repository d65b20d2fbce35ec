/** Where a sequence sits on the pathogen's reference tree, beside what the model said. */
import type { PredictionDetail, TreePlacement } from '../../../../shared/classify-types';
import { formatCount } from '../../lib/format';

function privateText(tree: TreePlacement): string {
  const { reversions, labeled, unlabeled, deletions } = tree.privateMutations;
  const all = [...reversions, ...labeled.map((m) => m.mutation), ...unlabeled, ...deletions];
  return all.length === 0 ? 'none' : all.join(' ');
}

function uncertainty(tree: TreePlacement): string {
  if (tree.nodesAtBest === 1) return 'one node is nearest';
  const others = tree.otherClades.map(
    (c) => `${c.clade || '(none)'} ${Math.round(c.share * 100)}%`,
  );
  return `${formatCount(tree.nodesAtBest)} nodes as near: ${tree.clade} ${Math.round(tree.cladeShare * 100)}%${others.length ? `, ${others.join(', ')}` : ''}`;
}

/** Whether the tree's clade and the model's label agree (null when either is missing). */
export function treeAgrees(row: Pick<PredictionDetail, 'label' | 'tree'>): boolean | null {
  if (!row.tree || !row.tree.clade || row.label === null) return null;
  return row.tree.clade === row.label;
}

export function TreePlacementFacts({ detail }: { detail: PredictionDetail }) {
  const tree = detail.tree;
  if (!tree)
    return (
      <section className="stack-tight" aria-label="Tree placement">
        <h3>Tree placement</h3>
        <p className="muted small">
          Not placed: the sequence did not align, or its pathogen has no reference tree.
        </p>
      </section>
    );
  const agrees = treeAgrees(detail);
  return (
    <section className="stack-tight" aria-label="Tree placement">
      <h3>Tree placement</h3>
      {agrees === false && (
        <p className="badge badge-warning" role="status">
          The tree says {tree.clade}, the model {detail.label}
        </p>
      )}
      <dl className="facts">
        <dt>Tree clade</dt>
        <dd>{tree.clade || '—'}</dd>
        <dt>Node</dt>
        <dd className="mono">{tree.node}</dd>
        <dt>Distance</dt>
        <dd>{formatCount(tree.distance)} private mutations</dd>
        <dt>Uncertainty</dt>
        <dd>{uncertainty(tree)}</dd>
        <dt>Private</dt>
        <dd className="mono">{privateText(tree)}</dd>
        <dt>Private (amino acids)</dt>
        <dd className="mono">
          {[...tree.privateMutations.aaReversions, ...tree.privateMutations.aaSubstitutions].join(
            ' ',
          ) || 'none'}
        </dd>
        {tree.recombinant && (
          <>
            <dt>Mosaic of</dt>
            <dd>
              {tree.recombinant.parents.map((p) => `${p.clade} (${p.node})`).join(' and ')}, switch{' '}
              {tree.recombinant.breakpoints
                .map((b) => `${formatCount(b.after)}–${formatCount(b.before)}`)
                .join(', ')}{' '}
              ({formatCount(tree.recombinant.singleMismatches)} →{' '}
              {formatCount(tree.recombinant.mosaicMismatches)} mismatches)
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Where a sequence sits on the pathogen's reference tree, beside what the model said. */
import type { PredictionDetail, TreePlacement } from '../../../../shared/classify-types';
import {
  privateAaMutations,
  privateNucMutations,
  treeAgrees,
} from '../../../../shared/tree-placement';
import { formatCount } from '../../lib/format';

/** A list of mutations, or `none`. */
function mutationText(mutations: string[]): string {
  return mutations.length === 0 ? 'none' : mutations.join(' ');
}

function uncertainty(tree: TreePlacement): string {
  if (tree.nodesAtBest === 1) return 'one node is nearest';
  const others = tree.otherClades.map(
    (c) => `${c.clade || '(none)'} ${Math.round(c.share * 100)}%`,
  );
  return `${formatCount(tree.nodesAtBest)} nodes as near: ${tree.clade} ${Math.round(tree.cladeShare * 100)}%${others.length ? `, ${others.join(', ')}` : ''}`;
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
  const agrees = treeAgrees(detail.label, tree);
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
        <dd className="mono">{mutationText(privateNucMutations(tree))}</dd>
        <dt>Private (amino acids)</dt>
        <dd className="mono">{mutationText(privateAaMutations(tree))}</dd>
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

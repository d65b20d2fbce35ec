/** Beside the tree: the legend (clades, sequences placed in each) and the sequence chosen. */
import type { ClassificationSummary } from '../../../../shared/classify-types';
import type { TreeView } from '../../../../shared/tree-types';
import { useOpenClassification } from '../history/useOpenClassification';
import type { TreeScene } from './tree-scene';

export function TreeLegend({ view, scene }: { view: TreeView; scene: TreeScene }) {
  const placedPer = new Map<number, number>();
  for (const p of view.placed) {
    const clade = view.clade[p.node]!;
    placedPer.set(clade, (placedPer.get(clade) ?? 0) + 1);
  }
  // Clade names in order (19A, 19B, 20A ...); unnamed and recombinant last.
  const last = (clade: string) => (clade === '' ? 2 : clade === 'recombinant' ? 1 : 0);
  const order = view.clades
    .map((clade, index) => ({ clade, index }))
    .sort((a, b) => last(a.clade) - last(b.clade) || a.clade.localeCompare(b.clade));
  return (
    <ul className="tree-legend" aria-label="Clades">
      {order.map(({ clade, index }) => (
        <li key={clade}>
          <span className="swatch" style={{ background: scene.colorOf(index) }} aria-hidden />
          {clade || '(no clade)'}
          {placedPer.has(index) && <span className="muted"> · {placedPer.get(index)} placed</span>}
        </li>
      ))}
    </ul>
  );
}

interface PlacedDetailProps {
  view: TreeView;
  index: number;
  run: ClassificationSummary | null;
  onClose(): void;
}

export function PlacedDetail({ view, index, run, onClose }: PlacedDetailProps) {
  const open = useOpenClassification();
  const p = view.placed[index]!;
  return (
    <section className="card tree-detail" aria-label={`Sequence ${p.seqId}`}>
      <header className="tree-detail-header">
        <h2>{p.seqId}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </header>
      <dl className="detail-list">
        <dt>Tree clade</dt>
        <dd>{p.clade || '—'}</dd>
        <dt>Model label</dt>
        <dd>{p.label ?? 'unassigned'}</dd>
        <dt>Placed on</dt>
        <dd>{view.names[p.node]}</dd>
        <dt>Private mutations</dt>
        <dd>{p.privateMutations.length === 0 ? 'none' : p.privateMutations.join(' ')}</dd>
      </dl>
      {run && (
        <button type="button" className="button" onClick={() => open(run, p.seqId)}>
          Open in Classify
        </button>
      )}
    </section>
  );
}

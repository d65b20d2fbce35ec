import { formatCount } from '../lib/format';

/** The cluster-plot pick a table is limited to, removable. */
export function SeqSelectionChip({ count, onRemove }: { count: number; onRemove(): void }) {
  return (
    <span className="chip chip-selection" role="group" aria-label="Cluster plot selection">
      <span className="chip-label">
        {formatCount(count)} {count === 1 ? 'sequence' : 'sequences'} from cluster plot
      </span>
      <button
        type="button"
        className="chip-remove"
        aria-label="Remove the cluster plot selection"
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}

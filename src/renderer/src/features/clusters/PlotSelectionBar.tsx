import { formatCount } from '../../lib/format';
import { clusterName } from './cluster-colors';

interface PlotSelectionBarProps {
  count: number;
  cluster: number | null;
  onOpenSequences(): void;
  onOpenQc(): void;
  onClear(): void;
}

/** The points picked on the plot, and where they can be opened. */
export function PlotSelectionBar({
  count,
  cluster,
  onOpenSequences,
  onOpenQc,
  onClear,
}: PlotSelectionBarProps) {
  return (
    <div className="selection-bar" role="group" aria-label="Picked points">
      <span role="status" className="selection-count">
        {formatCount(count)} selected{cluster !== null ? ` (${clusterName(cluster)})` : ''}
      </span>
      <button type="button" className="button button-small" onClick={onOpenSequences}>
        Open in Sequences
      </button>
      <button type="button" className="button button-small" onClick={onOpenQc}>
        Open in QC
      </button>
      <button type="button" className="button button-small button-quiet" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}

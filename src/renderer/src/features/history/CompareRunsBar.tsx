import type { ClassificationSummary } from '../../../../shared/classify-types';
import { orderPair } from './classification-comparison';
import { useComparisonStore } from './comparison.store';

interface CompareRunsBarProps {
  /** Runs ticked in the table, in the order ticked. */
  picked: ClassificationSummary[];
}

function hint(picked: ClassificationSummary[]): string {
  const [first, second] = picked;
  if (!first) return 'Tick two runs of one dataset to compare their labels sequence by sequence.';
  if (!second) {
    return `Run #${first.id} of “${first.datasetName}” ticked: tick another run of it. Runs of other datasets cannot be compared with it: a comparison matches the same sequences.`;
  }
  return `Runs #${first.id} and #${second.id} of “${first.datasetName}” ticked.`;
}

/** Above the runs: what is ticked, and the button that compares two runs. */
export function CompareRunsBar({ picked }: CompareRunsBarProps) {
  const compare = useComparisonStore((state) => state.compare);
  const clearPicks = useComparisonStore((state) => state.clearPicks);
  const [first, second] = picked;

  return (
    <section className="compare-bar" aria-label="Compare runs">
      <p className="small" role="status">
        {hint(picked)}
      </p>
      <div className="row">
        {picked.length > 0 && (
          <button type="button" className="button button-small button-quiet" onClick={clearPicks}>
            Untick all
          </button>
        )}
        <button
          type="button"
          className="button button-small button-primary"
          disabled={!first || !second}
          onClick={() => first && second && void compare(orderPair(first, second))}
        >
          Compare
        </button>
      </div>
    </section>
  );
}

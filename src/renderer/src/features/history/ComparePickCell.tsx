import type { ClassificationSummary } from '../../../../shared/classify-types';
import { pickBlocker } from './classification-comparison';
import { useComparisonStore } from './comparison.store';

interface ComparePickCellProps {
  classification: ClassificationSummary;
  picked: ClassificationSummary[];
  /** Every run, to tell which can be ticked together. */
  classifications: ClassificationSummary[];
}

/** A run's tick for comparison; disabled, with the reason as its tooltip, when it cannot pair. */
export function ComparePickCell({ classification, picked, classifications }: ComparePickCellProps) {
  const togglePick = useComparisonStore((state) => state.togglePick);
  const blocker = pickBlocker(classification, picked, classifications);
  return (
    // Ticking must not open the run, as a click elsewhere on the row does.
    <td className="pick-cell" onClick={(event) => event.stopPropagation()}>
      <input
        type="checkbox"
        aria-label={`Compare run ${classification.id}`}
        title={blocker ?? `Compare run #${classification.id} with another run of its dataset`}
        checked={picked.some((run) => run.id === classification.id)}
        disabled={blocker !== null}
        onChange={() =>
          togglePick(
            classification.id,
            picked.map((run) => run.id),
          )
        }
      />
    </td>
  );
}

import type { PredictionRow } from '../../../../shared/classify-types';

/** Whether the model labeled the sequence, as a coloured word. */
export function StatusBadge({ status }: { status: PredictionRow['status'] }) {
  return (
    <span className={`badge badge-${status}`}>
      {status === 'assigned' ? 'Assigned' : 'Unassigned'}
    </span>
  );
}

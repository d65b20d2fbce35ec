import { useState } from 'react';

/**
 * Deleting a run from a runs table: which row asks for confirmation, and why the last
 * deletion failed. `remove` resolves to an error message, or null when the run is gone;
 * `forget` then drops it from whatever else remembers it.
 */
export function useRunDeletion<Run extends { id: number }>(
  remove: (run: Run) => Promise<string | null>,
  forget: (runId: number) => void,
) {
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const confirmDelete = async (run: Run): Promise<void> => {
    const error = await remove(run);
    setConfirmingId(null);
    setDeleteError(error ? `Could not delete run ${run.id}: ${error}` : null);
    if (!error) forget(run.id);
  };
  return { confirmingId, setConfirmingId, deleteError, confirmDelete };
}

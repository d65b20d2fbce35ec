import { useState } from 'react';

/**
 * Deleting a row of a table once confirmed: which row asks for confirmation, and why the
 * last deletion failed. `remove` resolves to an error message, or null when the item is
 * gone; `forget` then drops it from whatever else remembers it. `nameOf` names the item in
 * the error (`run 3` unless told).
 */
export function useConfirmedDelete<Item extends { id: number }>(
  remove: (item: Item) => Promise<string | null>,
  forget: (itemId: number) => void,
  nameOf: (item: Item) => string = (item) => `run ${item.id}`,
) {
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const confirmDelete = async (item: Item): Promise<void> => {
    const error = await remove(item);
    setConfirmingId(null);
    setDeleteError(error ? `Could not delete ${nameOf(item)}: ${error}` : null);
    if (!error) forget(item.id);
  };
  return { confirmingId, setConfirmingId, deleteError, confirmDelete };
}

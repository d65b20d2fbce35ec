/** Sequences picked on the cluster plot, carried to the Sequences and QC pages as a filter. */
export interface SeqSelection {
  datasetId: number;
  seqIds: string[];
}

/** The selection's ids when it belongs to this dataset: a pick never crosses datasets. */
export function selectionFor(
  selection: SeqSelection | null,
  datasetId: number | null,
): string[] | null {
  return selection && selection.datasetId === datasetId ? selection.seqIds : null;
}

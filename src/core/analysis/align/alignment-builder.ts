/**
 * The alignment in reference coordinates while it is built: for each reference position
 * the query mask aligned to it (GAP for a deletion, NONE where no query base reaches), and
 * the insertions as runs of query positions after a reference position.
 */
import { NONE } from './nuc-codes';

export interface AlignmentBuilder {
  /** Query masks by 0-based reference position. */
  aligned: Uint8Array;
  /** 1-based reference position each insertion follows (0: before the first base). */
  insertionAfter: number[];
  /** First query index and length of each insertion. */
  insertionQueryStart: number[];
  insertionLength: number[];
}

export function createAlignmentBuilder(referenceLength: number): AlignmentBuilder {
  return {
    aligned: new Uint8Array(referenceLength).fill(NONE),
    insertionAfter: [],
    insertionQueryStart: [],
    insertionLength: [],
  };
}

/** Empties a builder for the next sequence. */
export function resetAlignmentBuilder(builder: AlignmentBuilder): void {
  builder.aligned.fill(NONE);
  builder.insertionAfter.length = 0;
  builder.insertionQueryStart.length = 0;
  builder.insertionLength.length = 0;
}

/** Records query[queryIndex] as inserted after 1-based reference position `after`. */
export function addInsertedBase(
  builder: AlignmentBuilder,
  after: number,
  queryIndex: number,
): void {
  const last = builder.insertionAfter.length - 1;
  if (last >= 0 && builder.insertionAfter[last] === after) {
    const start = builder.insertionQueryStart[last]!;
    const length = builder.insertionLength[last]!;
    // Bases arrive in either direction (tracebacks run backwards): grow the run at either end.
    if (queryIndex === start - 1) {
      builder.insertionQueryStart[last] = queryIndex;
      builder.insertionLength[last] = length + 1;
      return;
    }
    if (queryIndex === start + length) {
      builder.insertionLength[last] = length + 1;
      return;
    }
  }
  builder.insertionAfter.push(after);
  builder.insertionQueryStart.push(queryIndex);
  builder.insertionLength.push(1);
}

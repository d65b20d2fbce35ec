/**
 * Sequences packed as one byte buffer (UTF-8) plus end offsets, so a batch crosses to a
 * worker as two transferred buffers instead of structured-cloned strings.
 */
export interface PackedSequences {
  bytes: Uint8Array<ArrayBuffer>;
  /** ends[i] = byte offset just past sequence i (sequence i starts at ends[i - 1] or 0). */
  ends: Uint32Array<ArrayBuffer>;
}

/** Packs strings (as UTF-8) or byte sequences (copied as they are). */
export function packSequences(sequences: readonly (string | Uint8Array)[]): PackedSequences {
  const ends = new Uint32Array(sequences.length);
  let total = 0;
  sequences.forEach((sequence, i) => {
    if (typeof sequence === 'string') total += Buffer.byteLength(sequence, 'utf8');
    else if (sequence instanceof Uint8Array) total += sequence.length;
    else throw new TypeError(`sequence ${i} is neither a string nor bytes`);
    ends[i] = total;
  });
  // Unpooled and not zeroed: every byte is written below, and the buffer is ours to transfer.
  const buffer = Buffer.allocUnsafeSlow(total);
  let offset = 0;
  for (const sequence of sequences) {
    if (typeof sequence === 'string') offset += buffer.write(sequence, offset, 'utf8');
    else {
      buffer.set(sequence, offset);
      offset += sequence.length;
    }
  }
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, total), ends };
}

/** The transfer list of a packed batch. */
export function packedTransferList(packed: PackedSequences): ArrayBuffer[] {
  return [packed.bytes.buffer, packed.ends.buffer];
}

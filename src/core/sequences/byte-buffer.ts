/** A growable byte buffer for a header or a line cut by a chunk boundary. */

const INITIAL_CAPACITY = 4 * 1024;
const KEEP_CAPACITY = 8 * 1024 * 1024;

export class ByteBuffer {
  bytes: Buffer = Buffer.allocUnsafeSlow(INITIAL_CAPACITY);
  length = 0;

  append(source: Uint8Array, start: number, end: number): void {
    const needed = this.length + (end - start);
    if (needed > this.bytes.length) this.grow(needed);
    this.bytes.set(source.subarray(start, end), this.length);
    this.length = needed;
  }

  /** Empties the buffer, releasing memory held for an unusually long line. */
  clear(): void {
    this.length = 0;
    if (this.bytes.length > KEEP_CAPACITY) this.bytes = Buffer.allocUnsafeSlow(INITIAL_CAPACITY);
  }

  private grow(needed: number): void {
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = Buffer.allocUnsafeSlow(capacity);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

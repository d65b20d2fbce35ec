/** Distinct values of one feature column, for exact bins when there are few. */
const TABLE_SIZE = 1024;
// Up to this many distinct values a linear search beats hashing (0/1 alleles, small counts).
const LINEAR = 8;

const normalized = (bits: number): number => (bits === 0x80000000 ? 0 : bits); // -0 is 0

/**
 * The distinct values of a column (at most 256) and each one's rank: a linear list while
 * there are few, then an open-addressing hash table on the float bits; -0 and +0 are one
 * value.
 */
export class DistinctValues {
  private readonly keyList = new Uint32Array(256);
  private readonly rankOf = new Int32Array(256);
  private readonly tableKeys = new Uint32Array(TABLE_SIZE);
  /** Index + 1 into keyList per table slot; 0 = empty. */
  private readonly tableIndex = new Int32Array(TABLE_SIZE);
  readonly values = new Float32Array(256);
  count = 0;

  /**
   * Collects the distinct values of a column, writing each row's value index (insertion
   * order) to `rowIndex`; false when there are more than `maxBins`.
   */
  collect(
    column: Float32Array,
    columnBits: Uint32Array,
    maxBins: number,
    rowIndex: Uint8Array,
  ): boolean {
    this.count = 0;
    for (let r = 0; r < column.length; r++) {
      const key = normalized(columnBits[r]!);
      const index = this.indexOf(key);
      if (index >= 0) {
        rowIndex[r] = index;
        continue;
      }
      if (this.count === maxBins) return false;
      rowIndex[r] = this.count;
      this.keyList[this.count] = key;
      this.values[this.count] = column[r] === 0 ? 0 : column[r]!;
      this.count++;
      if (this.count === LINEAR + 1) {
        this.tableIndex.fill(0);
        for (let i = 0; i < this.count; i++)
          this.tableIndex[this.freeSlot(this.keyList[i]!)] = i + 1;
      } else if (this.count > LINEAR + 1) this.tableIndex[this.freeSlot(key)] = this.count;
    }
    return true;
  }

  /**
   * The collected values sorted ascending, and `rankOf[index]` = rank of the value with
   * insertion index `index` (NaN, which has no order, must be checked by the caller).
   */
  rank(): { sorted: Float32Array; rankOf: Int32Array } {
    const values = this.values.subarray(0, this.count);
    const order = Array.from({ length: this.count }, (_, i) => i).sort(
      (a, b) => values[a]! - values[b]!,
    );
    order.forEach((index, rank) => (this.rankOf[index] = rank));
    return { sorted: Float32Array.from(order, (index) => values[index]!), rankOf: this.rankOf };
  }

  private indexOf(key: number): number {
    if (this.count <= LINEAR) {
      for (let i = 0; i < this.count; i++) if (this.keyList[i] === key) return i;
      return -1;
    }
    let s = Math.imul(key, 0x9e3779b1) >>> 22;
    while (this.tableIndex[s]! > 0) {
      if (this.tableKeys[s] === key) return this.tableIndex[s]! - 1;
      s = (s + 1) & (TABLE_SIZE - 1);
    }
    return -1;
  }

  /** The empty slot for `key` (not yet in the table), with the key written into it. */
  private freeSlot(key: number): number {
    let s = Math.imul(key, 0x9e3779b1) >>> 22;
    while (this.tableIndex[s]! > 0) s = (s + 1) & (TABLE_SIZE - 1);
    this.tableKeys[s] = key;
    return s;
  }
}

/**
 * A zip's central directory, read with every offset checked against the file: the entries
 * a bundle holds and where each one's data lies, before any of it is inflated. Reads what
 * fflate's `zipSync` writes and zip64 records.
 */
import { BundleError } from './bundle-error';

/** Most entries a bundle may have. */
export const MAX_BUNDLE_ENTRIES = 1000;

export interface ZipEntryRecord {
  name: string;
  /** 0 stored, 8 deflate. */
  compression: number;
  /** Bytes of data in the zip. */
  compressedSize: number;
  /** Uncompressed size the directory declares. */
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_RECORD = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const UTF8_NAME_FLAG = 0x0800;
const UNSET = 0xffffffff;

class ZipView {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    private readonly bundle: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Refuses unless `length` bytes from `offset` lie inside the file. */
  need(offset: number, length: number, what: string): void {
    if (offset < 0 || offset + length > this.bytes.length)
      this.damaged(`${what} lies past the end of the file`);
  }

  damaged(why: string): never {
    throw new BundleError('not-a-zip', this.bundle, `not a zip archive, or a corrupt one (${why})`);
  }

  u16 = (offset: number): number => this.view.getUint16(offset, true);
  u32 = (offset: number): number => this.view.getUint32(offset, true);
  u64 = (offset: number): number => this.u32(offset) + this.u32(offset + 4) * 2 ** 32; // exact up to 2^53, past any limit
}

function findEndOfDirectory(zip: ZipView): number {
  const last = zip.bytes.length - 22;
  // The record sits at the end, after a comment of at most 65,535 bytes.
  for (let at = last; at >= 0 && at >= last - 0xffff; at--)
    if (zip.u32(at) === END_OF_DIRECTORY) return at;
  return zip.damaged('no end of central directory record');
}

/** Entry count and directory offset, from the zip64 record when there is one. */
function directoryStart(zip: ZipView, end: number): { count: number; offset: number } {
  const plain = { count: zip.u16(end + 10), offset: zip.u32(end + 16) };
  if (end < 20 || zip.u32(end - 20) !== ZIP64_LOCATOR) return plain;
  const at = zip.u64(end - 12);
  zip.need(at, 56, 'the zip64 end of central directory record');
  if (zip.u32(at) !== ZIP64_END_OF_DIRECTORY) return plain;
  return { count: zip.u64(at + 32), offset: zip.u64(at + 48) };
}

/** Sizes and offset from the zip64 extra field, for the fields that say 0xffffffff. */
function zip64Fields(
  zip: ZipView,
  entry: ZipEntryRecord,
  extraStart: number,
  extraLength: number,
): void {
  const wanted = [
    ['size', entry.size === UNSET],
    ['compressedSize', entry.compressedSize === UNSET],
    ['localHeaderOffset', entry.localHeaderOffset === UNSET],
  ] as const;
  if (!wanted.some(([, unset]) => unset)) return;
  for (let at = extraStart; at + 4 <= extraStart + extraLength; at += 4 + zip.u16(at + 2)) {
    if (zip.u16(at) !== ZIP64_EXTRA) continue;
    let field = at + 4;
    for (const [key, unset] of wanted) {
      if (!unset) continue;
      zip.need(field, 8, `the zip64 sizes of ${JSON.stringify(entry.name)}`);
      entry[key] = zip.u64(field);
      field += 8;
    }
    return;
  }
  zip.damaged(`${JSON.stringify(entry.name)} has no zip64 sizes`);
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function readRecord(
  zip: ZipView,
  at: number,
  index: number,
): { entry: ZipEntryRecord; next: number } {
  zip.need(at, 46, `central directory record ${index + 1}`);
  if (zip.u32(at) !== DIRECTORY_RECORD)
    zip.damaged(`central directory record ${index + 1} is damaged`);
  const nameLength = zip.u16(at + 28);
  const extraLength = zip.u16(at + 30);
  const commentLength = zip.u16(at + 32);
  zip.need(
    at + 46,
    nameLength + extraLength + commentLength,
    `central directory record ${index + 1}`,
  );
  const nameBytes = zip.bytes.subarray(at + 46, at + 46 + nameLength);
  const entry: ZipEntryRecord = {
    name: (zip.u16(at + 8) & UTF8_NAME_FLAG ? utf8 : latin1).decode(nameBytes),
    compression: zip.u16(at + 10),
    compressedSize: zip.u32(at + 20),
    size: zip.u32(at + 24),
    localHeaderOffset: zip.u32(at + 42),
  };
  zip64Fields(zip, entry, at + 46 + nameLength, extraLength);
  return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}

/**
 * The central directory's records, in order.
 * @throws BundleError 'not-a-zip' for a missing or damaged directory, 'too-large' past
 *   MAX_BUNDLE_ENTRIES entries
 */
export function readZipDirectory(bytes: Uint8Array, bundle: string): ZipEntryRecord[] {
  const zip = new ZipView(bytes, bundle);
  zip.need(0, 22, 'the end of central directory record');
  const { count, offset } = directoryStart(zip, findEndOfDirectory(zip));
  // A forged directory can claim billions of entries: refuse before reading them.
  if (count > MAX_BUNDLE_ENTRIES)
    throw new BundleError('too-large', bundle, `more than ${MAX_BUNDLE_ENTRIES} entries`);
  const entries: ZipEntryRecord[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    const { entry, next } = readRecord(zip, at, i);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/**
 * Where `entry`'s data lies: after its local header, inside the file.
 * @returns the data, a view into `bytes`
 * @throws BundleError 'corrupt-entry' naming the entry
 */
export function entryData(bytes: Uint8Array, entry: ZipEntryRecord, bundle: string): Uint8Array {
  const zip = new ZipView(bytes, bundle);
  const at = entry.localHeaderOffset;
  const corrupt = (detail: string): BundleError =>
    new BundleError('corrupt-entry', bundle, detail, entry.name);
  if (at + 30 > bytes.length || zip.u32(at) !== LOCAL_HEADER)
    throw corrupt('its local header is missing or damaged');
  const start = at + 30 + zip.u16(at + 26) + zip.u16(at + 28);
  if (start + entry.compressedSize > bytes.length)
    throw corrupt(`its ${entry.compressedSize} bytes of data run past the end of the file`);
  return bytes.subarray(start, start + entry.compressedSize);
}

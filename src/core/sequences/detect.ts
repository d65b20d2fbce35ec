/**
 * Decides whether a file is FASTA or FASTQ (plain or gzip) from its first bytes, never from
 * its name, and refuses anything else with a reason a user can act on.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { SequenceFormat } from '../../shared/types';
import { InvalidInputError } from '../errors';
import { AMBIGUOUS, GAP, PLAIN, RESIDUE_CLASS } from './byte-classes';
import type { FileInfo } from './types';

const SNIFF_BYTES = 64 * 1024;

/** The file is not sequence data; `message` is one sentence naming the file and why. */
export class FileRefusedError extends InvalidInputError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export async function detectFile(path: string, displayName?: string): Promise<FileInfo> {
  const file = displayName ?? basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new FileRefusedError(file, fsReason(error));
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new FileRefusedError(file, 'is a folder, not a file');
    if (stats.size === 0) throw new FileRefusedError(file, 'empty file');
    const head = Buffer.alloc(Math.min(stats.size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = head.subarray(0, bytesRead);
    const gzip = start[0] === 0x1f && start[1] === 0x8b;
    const text = gzip ? await gunzipStart(start, bytesRead >= stats.size, file) : start;
    return { format: sniffFormat(text, file), gzip, bytes: stats.size };
  } finally {
    await handle.close();
  }
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot be opened (${error instanceof Error ? error.message : String(error)})`;
}

/** Up to SNIFF_BYTES of decompressed data from the start of a gzip file. */
async function gunzipStart(compressed: Buffer, wholeFile: boolean, file: string): Promise<Buffer> {
  const gunzip = createGunzip();
  const parts: Buffer[] = [];
  let total = 0;
  let failed = false;
  gunzip.end(compressed);
  try {
    for await (const part of gunzip as AsyncIterable<Buffer>) {
      parts.push(part);
      total += part.length;
      if (total >= SNIFF_BYTES) break;
    }
  } catch {
    // A prefix of a longer file always ends "early"; only an unreadable start matters.
    failed = true;
  } finally {
    gunzip.destroy();
  }
  if (total === 0 && (failed || !wholeFile)) {
    throw new FileRefusedError(file, 'the gzip data is corrupt or truncated before any content');
  }
  if (total === 0) throw new FileRefusedError(file, 'empty file (after decompression)');
  return Buffer.concat(parts).subarray(0, SNIFF_BYTES);
}

function isBinary(text: Buffer): boolean {
  if (text.indexOf(0) !== -1) return true;
  let control = 0;
  let high = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i]!;
    if (byte >= 0x80) high++;
    else if (
      (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) ||
      byte === 0x7f
    ) {
      control++;
    }
  }
  return control > text.length * 0.05 || high > text.length * 0.3;
}

/** True when the first line is sequence letters and a header line follows. */
function isFastaWithLeadingSequence(text: Buffer, start: number): boolean {
  const lineEnd = text.indexOf(0x0a, start);
  if (lineEnd === -1 || text.indexOf('\n>', lineEnd) === -1) return false;
  for (let i = start; i < lineEnd; i++) {
    const cls = RESIDUE_CLASS[text[i]!]!;
    const residue = cls >= PLAIN && cls <= AMBIGUOUS;
    if (!residue && cls !== GAP && text[i] !== 0x0d) return false;
  }
  return true;
}

const SAM_HEADER = /^@(HD|SQ|RG|PG|CO)\t/;

function sniffFormat(text: Buffer, file: string): SequenceFormat {
  let i = text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
  if (i >= text.length) throw new FileRefusedError(file, 'empty file');
  if ((text[0] === 0xff && text[1] === 0xfe) || (text[0] === 0xfe && text[1] === 0xff)) {
    throw new FileRefusedError(file, 'UTF-16 text; save it as UTF-8 or ASCII');
  }
  if (isBinary(text)) throw new FileRefusedError(file, 'binary data, not sequence text');
  while (
    i < text.length &&
    (text[i] === 0x20 || text[i] === 0x09 || text[i] === 0x0d || text[i] === 0x0a)
  )
    i++;
  if (i >= text.length) throw new FileRefusedError(file, 'empty file (only blank lines)');
  const first = text[i]!;
  if (first === 0x3e) return 'fasta';
  if (first === 0x40) {
    if (SAM_HEADER.test(text.toString('latin1', i, i + 4))) {
      throw new FileRefusedError(file, 'not sequence data (it looks like SAM alignments)');
    }
    return 'fastq';
  }
  if (first === 0x7b || first === 0x5b) {
    throw new FileRefusedError(file, 'not sequence data (it looks like JSON)');
  }
  if (first === 0x3c) {
    throw new FileRefusedError(file, 'not sequence data (it looks like HTML or XML)');
  }
  if (isFastaWithLeadingSequence(text, i)) return 'fasta';
  throw new FileRefusedError(file, "not sequence data (it does not start with '>' or '@')");
}

/**
 * Atomic file writes: the bytes go to a temporary file in the target's folder (the same
 * file system, so the rename is atomic), are flushed to disk, and the temporary file is
 * renamed over the target. Killed at any point, a write leaves the old file or the new one,
 * never a truncated one. A temporary file is removed on failure, on abort, at exit and on
 * SIGINT/SIGTERM; only SIGKILL (or a power cut) can leave one behind, beside an intact target.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError } from '../errors';

const TEMP_SUFFIX = '.tmp';

/** A hidden name beside `path`: `.<name>.<random>.tmp`. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** True for a name `temporaryPathFor` makes for `target` (tests and clean-up look for them). */
export function isTemporaryFor(target: string, name: string): boolean {
  const prefix = `.${basename(target)}.`;
  return name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX);
}

// Temporary files not yet renamed or removed: cleaned up at exit and on a signal.
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function removePendingSync(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

/**
 * Runs first on a signal. When no other handler owns the signal (no job to cancel), the
 * process would have died leaving the temporary files: remove them and die by the same
 * signal. Otherwise the owner cancels, and the writer's abort() removes its file.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removePendingSync();
  untrackSignals();
  process.kill(process.pid, signal);
}

function trackSignals(): void {
  if (pending.size !== 1) return;
  process.once('exit', removePendingSync);
  for (const signal of SIGNALS) process.prependListener(signal, onSignal);
}

function untrackSignals(): void {
  process.off('exit', removePendingSync);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

function track(path: string): void {
  pending.add(path);
  trackSignals();
}

function untrack(path: string): void {
  pending.delete(path);
  if (pending.size === 0) untrackSignals();
}

// The target's folder is missing or the target is a folder: the path given is wrong.
const BAD_PATH_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** The error of a failed write, naming the target (not its temporary file). */
function writeError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  if (code && BAD_PATH_CODES.has(code))
    return new InvalidInputError(
      `cannot write ${path}: ${code === 'EISDIR' ? 'it is a folder' : `no such folder (${code})`}`,
    );
  return new Error(`cannot write ${path}: ${reason}`, { cause: error });
}

/** Writes `data` to `path` atomically (temporary file, fsync, rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  track(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeError(path, error);
  } finally {
    untrack(temporary);
  }
}

/** writeFileAtomic for synchronous callers (the registry's start-up registration). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temporary = temporaryPathFor(path);
  track(temporary);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw writeError(path, error);
  } finally {
    untrack(temporary);
  }
}

/** A stream to a temporary file that becomes `path` on commit() and disappears on abort(). */
export interface AtomicWriteStream {
  readonly stream: WriteStream;
  readonly path: string;
  /** Ends the stream, flushes it to disk and renames it over `path`. */
  commit(): Promise<void>;
  /** Discards everything written; `path` is left as it was. Safe to call after commit(). */
  abort(): Promise<void>;
}

async function closeStream(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  if (!stream.writableEnded) stream.end();
  await once(stream, 'close');
}

/** Opens a stream whose content replaces `path` only when committed. */
export function createAtomicWriteStream(path: string): AtomicWriteStream {
  const temporary = temporaryPathFor(path);
  track(temporary);
  // flush: fsync before close, so the renamed file holds the bytes after a crash.
  const stream = createWriteStream(temporary, { flags: 'wx', flush: true });
  // An error is kept (stream.errored) and thrown by commit(), not left unhandled.
  stream.on('error', () => undefined);
  let settled = false;
  const abort = async (): Promise<void> => {
    if (settled) return;
    settled = true;
    stream.destroy();
    await closeStream(stream).catch(() => undefined);
    await rm(temporary, { force: true });
    untrack(temporary);
  };
  const commit = async (): Promise<void> => {
    if (settled) throw new Error(`${path}: the output was already committed or aborted`);
    try {
      await closeStream(stream);
      if (stream.errored) throw stream.errored;
      await rename(temporary, path);
      settled = true;
      untrack(temporary);
    } catch (error) {
      await abort();
      throw writeError(path, error);
    }
  };
  return { stream, path, commit, abort };
}

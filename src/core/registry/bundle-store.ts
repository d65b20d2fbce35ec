/**
 * The registry's copies of bundles, by content: `<data>/models/<sha256>.zip`. A copy goes to
 * a hidden temporary file in the same folder, is flushed to disk and renamed, so the final
 * name only ever holds a whole bundle; a failed copy removes its temporary file.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export const MODELS_DIR = 'models';

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function writeFlushed(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    writeFileSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Stores a bundle's bytes under their digest unless a copy is there already.
 * @returns the path relative to the data directory
 * @throws Error naming the target file and the reason (a full disk, say)
 */
export function storeBundle(dataDir: string, digest: string, bytes: Uint8Array): string {
  const relative = join(MODELS_DIR, `${digest}.zip`);
  const target = join(dataDir, relative);
  if (existsSync(target)) return relative;
  const temporary = join(dataDir, MODELS_DIR, `.${digest}.zip.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(join(dataDir, MODELS_DIR), { recursive: true });
    writeFlushed(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`cannot copy the bundle to ${target}: ${reasonOf(error)}`, { cause: error });
  }
  return relative;
}

/**
 * The registry's copies of bundles, by content: `<data>/models/<sha256>.zip`. A copy goes to
 * a hidden temporary file in the same folder, is flushed to disk and renamed, so the final
 * name only ever holds a whole bundle; a failed copy removes its temporary file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-write';

export const MODELS_DIR = 'models';

/**
 * Stores a bundle's bytes under their digest unless a copy is there already.
 * @returns the path relative to the data directory
 * @throws Error naming the target file and the reason (a full disk, say)
 */
export function storeBundle(dataDir: string, digest: string, bytes: Uint8Array): string {
  const relative = join(MODELS_DIR, `${digest}.zip`);
  const target = join(dataDir, relative);
  if (existsSync(target)) return relative;
  try {
    mkdirSync(join(dataDir, MODELS_DIR), { recursive: true });
    writeFileAtomicSync(target, bytes);
  } catch (error) {
    throw new Error(`cannot copy the bundle: ${(error as Error).message}`, { cause: error });
  }
  return relative;
}

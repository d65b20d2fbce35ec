import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shipped resources folder (references, annotations, labeled tips, examples):
 * `VARIANTDESK_RESOURCES`, else the nearest `resources/pathogens` above this module
 * (the repository in source, the app folder when built).
 */
export function resolveResourcesDir(): string {
  if (process.env.VARIANTDESK_RESOURCES) return resolve(process.env.VARIANTDESK_RESOURCES);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'resources', 'pathogens'))) return join(dir, 'resources');
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('VariantDesk resources not found: set VARIANTDESK_RESOURCES');
    dir = parent;
  }
}

export function pathogensDir(resourcesDir = resolveResourcesDir()): string {
  return join(resourcesDir, 'pathogens');
}

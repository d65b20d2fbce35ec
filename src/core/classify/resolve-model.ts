/**
 * Where models come from: the folders of shipped bundles (registered at start), and what a
 * `--model` argument means (a bundle file, or a registered `name[@version]`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveResourcesDir } from '../resources';

const MODEL_NAME = /^([a-z0-9][a-z0-9._-]*)(?:@(.+))?$/;

/** Folders of bundles registered at start: $VARIANTDESK_MODELS, then `models` beside resources. */
export function modelsDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.VARIANTDESK_MODELS) dirs.push(resolve(process.env.VARIANTDESK_MODELS));
  try {
    const resources = resolveResourcesDir();
    dirs.push(join(resources, 'models'), join(dirname(resources), 'models'));
  } catch {
    // No resources folder: only $VARIANTDESK_MODELS is searched.
  }
  return dirs;
}

/** A `--model` argument that names a file rather than a registered model. */
export function looksLikeBundlePath(model: string): boolean {
  return (
    /\.zip$/i.test(model) || /[\\/]/.test(model) || existsSync(model) || !MODEL_NAME.test(model)
  );
}

/** `name` or `name@version`. */
export function parseModelName(model: string): { name: string; version?: string } {
  const match = MODEL_NAME.exec(model);
  const [name, version] = match ? [match[1]!, match[2]] : [model, undefined];
  return version === undefined ? { name } : { name, version };
}

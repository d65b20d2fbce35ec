/**
 * Which bundle `--model` means: a path to a zip, or a name (`sars-cov-2-clade`, optionally
 * `@version`) looked up as `<name>.zip` in the models folders. Without `--model`, the
 * pathogen detected from the sequences names the default `<pathogen>-clade` model.
 * Versions are checked against the bundle's manifest; a registry of versions is not here.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MIN_SHARED_FRACTION, rankPathogens } from '../../analysis/detect-pathogen';
import { InvalidInputError, NotFoundError } from '../../errors';
import { resolveResourcesDir } from '../../resources';

export interface ModelReference {
  path: string;
  /** The version asked for with `name@version`, checked once the bundle is read. */
  version?: string;
}

const MODEL_NAME = /^([a-z0-9][a-z0-9._-]*)(?:@(.+))?$/;

/** Folders searched for named bundles: $VARIANTDESK_MODELS, then `models` beside resources. */
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

/**
 * @param model the `--model` argument
 * @throws NotFoundError when a named model is in none of the models folders
 */
export function resolveModelBundle(model: string, dirs = modelsDirs()): ModelReference {
  const looksLikePath = /\.zip$/i.test(model) || /[\\/]/.test(model) || existsSync(model);
  const named = MODEL_NAME.exec(model);
  if (looksLikePath || !named) return { path: resolve(model) };
  const [, name, version] = named as unknown as [string, string, string | undefined];
  for (const dir of dirs) {
    const path = join(dir, `${name}.zip`);
    if (existsSync(path)) return { path, ...(version !== undefined && { version }) };
  }
  throw new NotFoundError(
    `no model '${name}': looked for ${name}.zip in ${dirs.join(', ') || '(no models folder)'}`,
  );
}

/** @throws InvalidInputError when the bundle is not the version asked for */
export function checkModelVersion(
  reference: ModelReference,
  manifest: { name: string; version: string },
): void {
  if (reference.version !== undefined && reference.version !== manifest.version)
    throw new InvalidInputError(
      `${reference.path}: model ${manifest.name} is version ${manifest.version}, not ${reference.version} (only the installed version can be used until the model registry lands)`,
    );
}

/**
 * The pathogen of a sample of sequences, by shared 16-mers with each reference.
 * @throws InvalidInputError when no reference shares enough
 */
export function detectPathogen(
  references: { id: string; sequence: string }[],
  sample: string[],
  source: string,
): string {
  const [best] = rankPathogens(references, sample);
  if (!best || best.sharedFraction < MIN_SHARED_FRACTION)
    throw new InvalidInputError(
      `${source}: could not tell which pathogen these sequences are${best ? ` (best: ${best.pathogenId}, ${(best.sharedFraction * 100).toFixed(1)}% shared 16-mers)` : ''}: choose a model with --model`,
    );
  return best.pathogenId;
}

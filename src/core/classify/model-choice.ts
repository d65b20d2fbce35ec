/**
 * The one rule for which model a classification uses, whatever front asked: a bundle file
 * (the CLI's `--model path.zip`, classified as it is, not registered), a registered version
 * by id (the app, the HTTP API) or by `name[@version]` (the CLI), else the production model
 * of the pathogen given, else of the pathogen detected from a sample of the sequences.
 */
import { resolve } from 'node:path';
import type { ModelVersionSummary, PathogenDetection } from '../../shared/classify-types';
import { InvalidInputError, NotFoundError } from '../errors';
import { bestMatchText } from '../pathogens/detect-pathogen';
import type { ModelRegistry } from '../registry/model-registry';
import { looksLikeBundlePath, parseModelName } from './resolve-model';

/** What a request says of its model; every field may be absent. */
export interface ModelRequest {
  /** A registered version by id. */
  modelId?: number | undefined;
  /** A bundle file, or a registered `name[@version]` (the production version when none). */
  model?: string | undefined;
  /** The pathogen whose production model to use (and which a named model must classify). */
  pathogenId?: string | undefined;
}

export type ModelChoice =
  | {
      kind: 'registered';
      model: ModelVersionSummary;
      /** The pathogen detected from the sequences, when the choice rests on detection. */
      detectedPathogen: string | null;
    }
  | { kind: 'file'; path: string };

export interface ModelChoiceDeps {
  models: ModelRegistry;
  /** Tells the pathogen of a sample; called only when the request names no model or pathogen. */
  detect: () => Promise<PathogenDetection>;
}

function checkPathogen(model: ModelVersionSummary, pathogenId: string | undefined): void {
  if (pathogenId !== undefined && pathogenId !== model.pathogenId)
    throw new InvalidInputError(
      `model ${model.name}@${model.version} classifies ${model.pathogenId}, not ${pathogenId}`,
    );
}

/** The registered version a request names by id or by `name[@version]`. */
function namedModel(models: ModelRegistry, request: ModelRequest): ModelVersionSummary {
  if (request.modelId !== undefined) return models.get(request.modelId);
  const { name, version } = parseModelName(request.model!);
  return models.findByName(name, version);
}

function productionOf(models: ModelRegistry, pathogenId: string): ModelVersionSummary {
  const model = models.production(pathogenId);
  if (model) return model;
  const known = [...new Set(models.list().map((m) => m.pathogenId))];
  throw new NotFoundError(
    `no production model for pathogen '${pathogenId}' (models exist for: ${known.join(', ') || 'none'}); import a bundle`,
  );
}

/**
 * @param source names the sequences in errors (`dataset 'x'`, `these sequences`, a file list)
 * @throws NotFoundError for an unknown model or a pathogen without a production model;
 *   InvalidInputError when the pathogen cannot be told or does not fit the model
 */
export async function chooseModel(
  request: ModelRequest,
  deps: ModelChoiceDeps,
  source: string,
): Promise<ModelChoice> {
  const { models } = deps;
  if (request.model !== undefined && looksLikeBundlePath(request.model))
    return { kind: 'file', path: resolve(request.model) };
  if (request.modelId !== undefined || request.model !== undefined) {
    const model = namedModel(models, request);
    checkPathogen(model, request.pathogenId);
    return { kind: 'registered', model, detectedPathogen: null };
  }
  if (request.pathogenId !== undefined)
    return {
      kind: 'registered',
      model: productionOf(models, request.pathogenId),
      detectedPathogen: null,
    };
  const detection = await deps.detect();
  if (!detection.pathogenId)
    throw new InvalidInputError(
      `could not tell the pathogen of ${source}${bestMatchText(detection)}; choose the pathogen or a model`,
    );
  const model = productionOf(models, detection.pathogenId);
  return { kind: 'registered', model, detectedPathogen: detection.pathogenId };
}

/** The final fit: the chosen candidate(s) trained on every genome, combined into one model. */
import { candidateName } from './candidates';
import { combineModels } from './combine-models';
import { fitCandidate, type FitProgress, type JsonValue } from './fit-candidate';
import type { PreparedData } from './prepare-training-data';
import type { ModelChoice } from './select-model';
import type { TrainClassifierOptions } from './training-options';

/** Fits every part of `choice` on all rows; returns the combined ONNX model and fit details. */
export async function fitChoice(
  choice: ModelChoice,
  prepared: PreparedData,
  options: TrainClassifierOptions,
  seed: number,
): Promise<{ bytes: Uint8Array; details: JsonValue[] }> {
  const { data } = prepared;
  const all = Int32Array.from({ length: data.labels.length }, (_, row) => row);
  const parts: { bytes: Uint8Array; weight: number }[] = [];
  const details: JsonValue[] = [];
  for (const { candidate, weight } of choice.parts) {
    const name = candidateName(candidate);
    options.onProgress?.({
      stage: 'final-fit',
      candidate: name,
      message: `fitting ${name} on all genomes`,
    });
    const fitted = await fitCandidate(candidate, data, all, {
      seed,
      signal: options.signal,
      onProgress: (p) =>
        options.onProgress?.({
          stage: 'final-fit',
          candidate: name,
          ...p,
          message: describeFit(p),
        }),
    });
    parts.push({ bytes: fitted.bytes, weight });
    details.push({ family: candidate.family, weight, params: candidate.params, ...fitted.details });
  }
  return { bytes: combineModels(parts, data.alleles.features.cols, data.numClasses), details };
}

/** `epoch 3/20 loss 0.4120` or `tree 12/60`, for progress lines. */
export function describeFit(p: FitProgress): string {
  if (p.epoch !== undefined) return `epoch ${p.epoch}/${p.epochs} loss ${p.loss?.toFixed(4)}`;
  if (p.tree !== undefined) return `tree ${p.tree}/${p.trees}`;
  return 'fitting';
}

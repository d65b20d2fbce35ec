/**
 * Bundles that pass verification (every checksum recomputed) but whose model cannot serve:
 * built from the shipped flu bundle (the smallest), under a new version so they are not
 * mistaken for the shipped one.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const FLU_BUNDLE = resolve(import.meta.dirname, '../../../models/flu-h3n2-ha-clade.zip');
/** The number of labels (and model outputs) of the shipped flu bundle. */
export const FLU_LABELS = 48;

type Manifest = {
  version: string;
  labels: Record<string, string>;
  files: Record<string, { sha256: string; size: number }>;
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The flu bundle with `edit` applied to its entries and manifest, checksums recomputed. */
function rebuiltFluBundle(
  path: string,
  edit: (entries: Record<string, Uint8Array>, manifest: Manifest) => void,
): string {
  const entries = unzipSync(readFileSync(FLU_BUNDLE));
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Manifest;
  manifest.version = '1.0.1-broken';
  edit(entries, manifest);
  for (const name of Object.keys(manifest.files))
    manifest.files[name] = { sha256: sha256(entries[name]!), size: entries[name]!.length };
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  writeFileSync(path, zipSync(entries));
  return path;
}

/** model.onnx cut to its first half (an interrupted copy), with matching checksums. */
export function truncatedModelBundle(dir: string, name = 'truncated-model.zip'): string {
  return rebuiltFluBundle(join(dir, name), (entries) => {
    const model = entries['model.onnx']!;
    entries['model.onnx'] = model.slice(0, model.length >> 1);
  });
}

/** A label map with one label more than the model has outputs. */
export function extraLabelBundle(dir: string, name = 'extra-label.zip'): string {
  return rebuiltFluBundle(join(dir, name), (_, manifest) => {
    manifest.labels[String(FLU_LABELS)] = 'not-a-model-output';
  });
}

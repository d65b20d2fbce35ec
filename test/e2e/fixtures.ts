/** Inputs and small page helpers shared by the e2e specs. */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppHandle } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
export const EXAMPLE_FASTA = join(ROOT, 'resources/examples/sars-cov-2/sequences.fasta.gz');
export const EXAMPLE_METADATA = join(ROOT, 'resources/examples/sars-cov-2/metadata.tsv');
export const SARS_BUNDLE = join(ROOT, 'models/sars-cov-2-clade.zip');
export const STRICT_VERSION = '1.0.1-strict';

/**
 * The bundled SARS-CoV-2 model as another version (`STRICT_VERSION`) that trusts only
 * confidences of 95%: a second model whose runs differ from the production one's.
 */
export function writeStrictBundle(dir: string): string {
  const files = unzipSync(readFileSync(SARS_BUNDLE));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
  manifest.version = STRICT_VERSION;
  manifest.confidenceThreshold = 0.95;
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  const path = join(dir, 'sars-cov-2-clade-strict.zip');
  writeFileSync(path, zipSync(files));
  return path;
}

/** Headers in a FASTA file, plain or gzip: what an import of valid records must count. */
export function countFastaRecords(path: string): number {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  return text.split('\n').filter((line) => line.startsWith('>')).length;
}

export interface BadFasta {
  path: string;
  /** Valid records, ids and lengths in file order (lengths increase). */
  good: { id: string; length: number }[];
  /** Refused records' ids. */
  badIds: string[];
}

/** Five valid records (`good-1`..`good-5`, 120..600 bp) and three invalid ones. */
export function writeBadFasta(dir: string, name = 'bad.fasta'): BadFasta {
  const good = [1, 2, 3, 4, 5].map((n) => ({ id: `good-${n}`, length: n * 120 }));
  const genome = 'ACGTTGCAAC'.repeat(60);
  const body = (length: number) => genome.slice(0, length);
  const lines = [
    `>${good[0]!.id}`,
    body(good[0]!.length),
    '>bad-chars-1',
    'ACGTXXACGTJJ',
    `>${good[1]!.id}`,
    body(good[1]!.length),
    '>bad-empty',
    `>${good[2]!.id}`,
    body(good[2]!.length),
    '>bad-chars-2',
    'ACG!!TACGT',
    `>${good[3]!.id}`,
    body(good[3]!.length),
    `>${good[4]!.id}`,
    body(good[4]!.length),
  ];
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, good, badIds: ['bad-chars-1', 'bad-empty', 'bad-chars-2'] };
}

/** A FASTA of about `megabytes` MB of distinct 1 kb records, written in chunks. */
export function writeLargeFasta(path: string, megabytes: number): string {
  const line = 'ACGTTGCAACGGTACCATGAACGTTGCAACGGTACCATGAACGTTGCAAC';
  const tail = `${Array.from({ length: 19 }, () => line).join('\n')}\n`;
  const recordBytes = 20 * (line.length + 1) + 16;
  const records = Math.ceil((megabytes * 1024 * 1024) / recordBytes);
  // The first 10 bases spell the record number in base 4, so no two records are alike.
  const prefix = (n: number) =>
    Array.from({ length: 10 }, (_, digit) => 'ACGT'[Math.floor(n / 4 ** digit) % 4]).join('');
  const fd = openSync(path, 'w');
  try {
    let chunk: string[] = [];
    for (let i = 1; i <= records; i += 1) {
      chunk.push(`>large-${i}\n${prefix(i)}${line.slice(10)}\n`, tail);
      if (chunk.length >= 4000) {
        writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    writeSync(fd, chunk.join(''));
  } finally {
    closeSync(fd);
  }
  return path;
}

/**
 * Drops files on the Import page's drop zone the way a desktop drag would: a DataTransfer
 * built in the page carries real File objects through dragenter, dragover and drop.
 */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((path) => ({
    name: basename(path),
    base64: readFileSync(path).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    // Runs in the page; the Node-side tsconfig has no DOM types.
    const { DataTransfer } = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: File): unknown } };
    };
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name));
    }
    return transfer;
  }, files);
  const zone = page.getByRole('region', { name: 'Drop zone' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** Clicks `trigger` and returns the text of the file it downloads. */
export async function downloadText(
  page: Page,
  trigger: () => Promise<void>,
): Promise<{
  fileName: string;
  text: string;
}> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The text of each cell of the n-th data row (0-based) of the Sequences table. */
export async function sequenceRowCells(page: Page, index: number): Promise<string[]> {
  const row = page
    .getByRole('table', { name: 'Sequences' })
    .getByRole('row')
    .nth(index + 1);
  return row.getByRole('cell').allTextContents();
}

export const EXAMPLE_RSV_A = join(ROOT, 'resources/examples/rsv-a/sequences.fasta');

/** Imports sequence files through the Import page's picker and waits for the report. */
export async function importThroughUi(
  page: Page,
  paths: string[],
  name: string,
  metadata?: string,
): Promise<void> {
  await page.getByLabel('Sequence files').setInputFiles(paths);
  if (metadata) await page.getByLabel('Metadata file').setInputFiles(metadata);
  await page.getByLabel('Dataset name').fill(name);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(`Imported dataset “${name}”`).waitFor({ timeout: 60_000 });
}

/** Chooses the option of the select labelled `label` whose text matches, once it is there. */
export async function chooseOption(page: Page, label: string, text: RegExp): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const option = select.locator('option', { hasText: text });
  await option.waitFor({ state: 'attached' });
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

/**
 * Classifies a dataset with the model version whose option text matches, in the Classify
 * page, and waits for the page to show the stored run; the new run's id.
 */
export async function classifyThroughUi(
  app: AppHandle,
  dataset: string,
  model: RegExp,
): Promise<number> {
  const { page } = app;
  await openPage(page, 'Classify');
  await chooseOption(page, 'Dataset', new RegExp(`^${dataset} \\(`));
  await chooseOption(page, 'Model', model);
  const before = new Set(app.core.classifications.list().map((run) => run.id));
  await page.getByRole('button', { name: 'Classify', exact: true }).click();
  let id = 0;
  await expect
    .poll(
      () => (id = app.core.classifications.list().find((run) => !before.has(run.id))?.id ?? 0),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  // The page shows the new run once it is stored.
  await page
    .getByRole('region', { name: 'Classification summary' })
    .getByText(new RegExp(`^Run #${id} of ${dataset} with `))
    .waitFor();
  return id;
}

/** Opens a page from the main navigation and waits for its heading. */
export async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

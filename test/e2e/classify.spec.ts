/**
 * Classification through the real UI: classify the SARS-CoV-2 example with the detected
 * pathogen's production model, check its clades against the example's metadata, find the
 * unassigned sequences and why, export, open one sequence, and reopen the run from History.
 * Then the Models page: the default models, one model's report, and bundle imports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import {
  EXAMPLE_FASTA,
  EXAMPLE_METADATA,
  SARS_BUNDLE,
  countFastaRecords,
  downloadText,
  importThroughUi,
  openPage,
} from './fixtures';

let app: AppHandle;
let page: Page;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
});

/** Folders a test wrote its inputs to, removed after it. */
const scratch: string[] = [];

afterEach(async ({ task }) => {
  await app?.close(task);
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const DATASET = 'SARS-CoV-2 example';
const SARS_REFERENCE = resolve(
  import.meta.dirname,
  '../../resources/pathogens/sars-cov-2/reference.fasta',
);
const EXPORT_HEADER = ['id', 'label', 'confidence', 'status', 'reason'];

/** The example's clade per sequence id, from its metadata (strain, clade, pango). */
function metadataClades(): Map<string, string> {
  const [header, ...lines] = readFileSync(EXAMPLE_METADATA, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split('\t');
  const strain = columns.indexOf('strain');
  const clade = columns.indexOf('clade');
  return new Map(
    lines.map((line) => {
      const cells = line.split('\t');
      return [cells[strain]!, cells[clade]!];
    }),
  );
}

/**
 * Two records that cannot be classified: 1,500 seeded random bases (aligns nowhere) and the
 * SARS-CoV-2 reference with its first 60% masked as N.
 */
function unplaceableFasta(): string {
  let state = 7;
  const noise = Array.from({ length: 1500 }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 'ACGT'[state % 4];
  }).join('');
  const reference = readFileSync(SARS_REFERENCE, 'utf8').split(/\r?\n/).slice(1).join('');
  const masked = 'N'.repeat(Math.round(reference.length * 0.6));
  return `>extra/noise\n${noise}\n>extra/masked\n${masked}${reference.slice(masked.length)}\n`;
}

/** The most frequent value of a map's values. */
function mostFrequent(values: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** A TSV as header cells and rows of cells. */
function parseTsv(text: string): { header: string[]; rows: string[][] } {
  const [header, ...lines] = text.trimEnd().split(/\r?\n/);
  return { header: header!.split('\t'), rows: lines.map((line) => line.split('\t')) };
}

const summary = () => page.getByRole('region', { name: 'Classification summary' });
const table = () => page.getByRole('table', { name: 'Predictions' });
const tableStatus = () => page.getByRole('status').filter({ hasText: /of [\d,]+ sequences/ });

/** The number in a summary figure ("Assigned287 (96.3%)" -> 287). */
async function figure(label: string): Promise<number> {
  const text =
    (await summary().getByRole('group', { name: label, exact: true }).textContent()) ?? '';
  return Number(new RegExp(`^${label}([\\d,]+)`).exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

async function exportTsv(): Promise<{ fileName: string; header: string[]; rows: string[][] }> {
  await page.getByText('Export', { exact: true }).click();
  const exported = await downloadText(page, () =>
    page
      .getByRole('group', { name: 'Prediction table' })
      .getByRole('button', { name: 'TSV' })
      .click(),
  );
  await page.keyboard.press('Escape');
  return { fileName: exported.fileName, ...parseTsv(exported.text) };
}

describe('classify', () => {
  it('classifies the SARS-CoV-2 example into its clades, explains the unassigned and reopens the run', async () => {
    // The example plus two genomes no model should place: the default model assigns every
    // example genome, and the unassigned path is part of what this test walks through.
    const dir = mkdtempSync(join(tmpdir(), 'variantdesk-e2e-'));
    scratch.push(dir);
    const extras = join(dir, 'extras.fasta');
    writeFileSync(extras, unplaceableFasta());
    const total = countFastaRecords(EXAMPLE_FASTA) + countFastaRecords(extras);
    const clades = metadataClades();
    await importThroughUi(page, [EXAMPLE_FASTA, extras], DATASET, EXAMPLE_METADATA);

    // The pathogen is detected from the sequences, and its production model preselected.
    await openPage(page, 'Classify');
    await page.getByText('has not been classified yet').waitFor();
    await page
      .getByRole('status', { name: 'Detected pathogen' })
      .filter({ hasText: 'Detected from the sequences: SARS-CoV-2' })
      .waitFor();
    expect(await page.getByLabel('Pathogen', { exact: true }).inputValue()).toBe('sars-cov-2');
    const model = page.getByLabel('Model', { exact: true });
    await expect
      .poll(() => model.locator('option:checked').textContent())
      .toMatch(/^sars-cov-2-clade@[\w.-]+ \(production\)$/);
    expect(await page.getByRole('group', { name: 'Model figures' }).textContent()).toMatch(
      /CV accuracy \d+\.\d%.*macro-F1 0\.\d{3}/,
    );

    // Classify: the example has no alignment yet, so it is aligned first, then classified.
    await page.getByRole('button', { name: 'Classify', exact: true }).click();
    await page.getByRole('region', { name: 'Classification progress' }).waitFor();
    await summary().waitFor({ timeout: 60_000 });
    const counts = {
      sequences: await figure('Sequences'),
      assigned: await figure('Assigned'),
      unassigned: await figure('Unassigned'),
    };
    expect(counts.sequences).toBe(total);
    expect(counts.assigned + counts.unassigned).toBe(total);
    expect(counts.assigned).toBeGreaterThan(total * 0.8);
    await expect.poll(() => tableStatus().textContent()).toBe(`${total} of ${total} sequences`);

    // The label summary: the metadata's most frequent clade is among the top labels.
    const bars = summary()
      .getByRole('region', { name: 'Label summary' })
      .getByRole('button', { name: /: [\d,]+ sequences$/ });
    const barNames = await Promise.all(
      (await bars.all()).map(async (bar) => (await bar.getAttribute('aria-label')) ?? ''),
    );
    const topLabels = barNames.slice(0, 3).map((name) => name.replace(/: [\d,]+ sequences$/, ''));
    expect(topLabels).toContain(mostFrequent(clades.values()));
    expect(barNames[barNames.length - 1]).toBe(`Unassigned: ${counts.unassigned} sequences`);
    expect(await page.getByRole('img', { name: /^Confidence distribution:/ }).count()).toBe(1);

    // Every sequence exported; the assigned ones carry the metadata's clade.
    const all = await exportTsv();
    expect(all.fileName).toMatch(/\.tsv$/);
    expect(all.header.slice(0, EXPORT_HEADER.length)).toEqual(EXPORT_HEADER);
    expect(all.rows).toHaveLength(total);
    const column = (name: string) => all.header.indexOf(name);
    const assigned = all.rows.filter((row) => row[column('status')] === 'assigned');
    expect(assigned).toHaveLength(counts.assigned);
    const agreeing = assigned.filter(
      (row) => row[column('label')] === clades.get(row[column('id')]!),
    );
    expect(agreeing.length / assigned.length).toBeGreaterThanOrEqual(0.95);

    // One click shows the unassigned sequences, each with the reason in words.
    await page
      .getByRole('group', { name: 'Quick filters' })
      .getByRole('button', { name: /^Unassigned/ })
      .click();
    await expect
      .poll(() => tableStatus().textContent())
      .toBe(`${counts.unassigned} of ${total} sequences · filtered`);
    const rows = table().getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    for (let index = 1; index < (await rows.count()); index += 1) {
      const cells = await rows.nth(index).getByRole('cell').allTextContents();
      expect(cells[4]).toBe('Unassigned');
      expect(cells[5]).toMatch(/^(Low confidence|Bad QC|Not aligned)\b.+/);
    }

    // The export holds the filtered rows: as many as the table counts.
    const unassigned = await exportTsv();
    expect(unassigned.header.slice(0, EXPORT_HEADER.length)).toEqual(EXPORT_HEADER);
    expect(unassigned.rows).toHaveLength(counts.unassigned);
    expect(new Set(unassigned.rows.map((row) => row[column('status')]))).toEqual(
      new Set(['unassigned']),
    );

    // A row opens the sequence: why it is unassigned, and what the model weighed (nothing
    // for a sequence that did not align).
    const openRow = async (id: string) => {
      await table()
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: id, exact: true }) })
        .click();
      const detail = page.getByRole('region', { name: `Prediction ${id}`, exact: true });
      await detail.getByRole('region', { name: 'Top probabilities' }).waitFor();
      return detail;
    };
    const noise = await openRow('extra/noise');
    expect(
      await noise.getByRole('status').filter({ hasText: 'Why unassigned' }).textContent(),
    ).toMatch(/^Why unassignedNot aligned/);
    await noise.getByText('The model did not run on this sequence.').waitFor();
    await page
      .getByRole('group', { name: 'Quick filters' })
      .getByRole('button', { name: /^All/ })
      .click();
    await expect.poll(() => tableStatus().textContent()).toBe(`${total} of ${total} sequences`);
    const firstId = (await rows.nth(1).getByRole('button').textContent()) ?? '';
    const first = await openRow(firstId);
    const items = await first
      .getByRole('list', { name: 'Top probabilities' })
      .getByRole('listitem')
      .allTextContents();
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatch(/^\S+\d+\.\d%$/);
    await first.getByRole('list', { name: 'QC rules' }).waitFor();

    // History lists the run; opening it shows the same results at once.
    await openPage(page, 'History');
    const runs = page.getByRole('table', { name: 'Classification runs' });
    expect(await runs.getByRole('row').count()).toBe(2);
    const runRow = await runs.getByRole('row').nth(1).textContent();
    expect(runRow).toContain(DATASET);
    expect(runRow).toMatch(/sars-cov-2-clade@/);
    await page.getByRole('region', { name: 'Labels per run' }).getByRole('img').waitFor();
    await runs.getByRole('button', { name: /^Open run \d+$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Classify' }).waitFor();
    await summary().waitFor();
    expect(await page.getByRole('region', { name: 'Classification progress' }).count()).toBe(0);
    expect(await figure('Sequences')).toBe(counts.sequences);
    expect(await figure('Assigned')).toBe(counts.assigned);
    expect(await figure('Unassigned')).toBe(counts.unassigned);
    await expect.poll(() => tableStatus().textContent()).toBe(`${total} of ${total} sequences`);

    // Deleting the run (confirmed) empties the history.
    await openPage(page, 'History');
    await runs.getByRole('button', { name: /^Delete run \d+$/ }).click();
    await runs.getByRole('button', { name: 'Confirm delete' }).click();
    await page.getByText('No dataset has been classified yet.').waitFor();
  });

  it('lists the default models, shows a report, and refuses a corrupt bundle', async () => {
    await openPage(page, 'Models');
    for (const name of [/^sars-cov-2-clade@/, /^rsv-a-clade@/, /^flu-h3n2-ha-clade@/]) {
      await page.getByRole('button', { name }).waitFor();
    }
    const sars = page
      .getByRole('table', { name: 'Models of SARS-CoV-2' })
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /^sars-cov-2-clade@/ }) });
    expect(await sars.textContent()).toContain('production');

    // A model's report: its per-class figures.
    await sars.getByRole('button', { name: /^sars-cov-2-clade@/ }).click();
    const report = page.getByRole('table', { name: 'Per-class figures' });
    await report.waitFor();
    expect(await report.getByRole('row').count()).toBeGreaterThan(10);

    // A few bytes named .zip: the core refuses the bundle and the page says why.
    const dir = mkdtempSync(join(tmpdir(), 'variantdesk-bundle-'));
    try {
      const corrupt = join(dir, 'corrupt.zip');
      writeFileSync(corrupt, Buffer.from('PK\u0003\u0004 not really a zip'));
      await page.getByLabel('Model bundle', { exact: true }).setInputFiles(corrupt);
      const refusal = page.getByRole('alert').filter({ hasText: 'Bundle refused: corrupt.zip' });
      await refusal.waitFor();
      expect(((await refusal.textContent()) ?? '').length).toBeGreaterThan(
        'Bundle refused: corrupt.zipDismiss'.length,
      );
      await refusal.getByRole('button', { name: 'Dismiss' }).click();

      // The bundled model again: the same bytes are registered already.
      await page.getByLabel('Model bundle', { exact: true }).setInputFiles(SARS_BUNDLE);
      await page.getByText(/^sars-cov-2-clade@[\w.-]+ is already registered$/).waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

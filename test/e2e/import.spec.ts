/**
 * Import through the real UI in Chromium against the real server: drop and pick files,
 * read the report, browse, sort, filter and export the sequences, and cancel a big import.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import {
  EXAMPLE_FASTA,
  EXAMPLE_METADATA,
  countFastaRecords,
  downloadText,
  dropFiles,
  sequenceRowCells,
  writeBadFasta,
  writeLargeFasta,
  openPage,
} from './fixtures';

let app: AppHandle;
let page: Page;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
});

afterEach(async ({ task }) => {
  await app?.close(task);
});

const stat = (label: string) => page.getByRole('group', { name: label, exact: true });

describe('import', () => {
  it('imports dropped files, lists the refused records, then sorts, filters and exports', async () => {
    const exampleCount = countFastaRecords(EXAMPLE_FASTA);
    const bad = writeBadFasta(app.dataDir);
    const valid = exampleCount + bad.good.length;

    await dropFiles(page, [EXAMPLE_FASTA, bad.path]);
    const chosen = page.getByRole('list', { name: 'Chosen sequence files' });
    await chosen.getByText('sequences.fasta.gz').waitFor();
    await chosen.getByText('bad.fasta').waitFor();
    expect(await page.getByLabel('Dataset name').inputValue()).toBe('sequences');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported dataset “sequences”').waitFor({ timeout: 60_000 });
    expect(await stat('Valid sequences').textContent()).toContain(valid.toLocaleString('en-US'));
    expect(await stat('Invalid records').textContent()).toContain(String(bad.badIds.length));

    const errors = page.getByRole('table', { name: 'Record errors' }).getByRole('row');
    expect(await errors.count()).toBe(1 + bad.badIds.length);
    for (const id of bad.badIds) {
      const row = errors.filter({ hasText: id });
      expect(await row.textContent()).toContain('bad.fasta');
    }

    await openPage(page, 'Datasets');
    const datasetRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: 'Show details of sequences' }) });
    expect(await datasetRow.getByRole('cell').first().textContent()).toBe(
      valid.toLocaleString('en-US'),
    );
    await page.getByRole('button', { name: 'Open sequences of sequences' }).click();

    await page.getByRole('heading', { level: 1, name: 'Sequences' }).waitFor();
    const count = page.getByRole('status').filter({ hasText: 'sequences' });
    const total = valid.toLocaleString('en-US');
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total} sequences`);

    // Ascending by length: the shortest record of the bad file comes first.
    await page.getByRole('button', { name: /^Length/ }).click();
    await expect.poll(async () => (await sequenceRowCells(page, 0))[0]).toBe('good-1');
    expect((await sequenceRowCells(page, 0))[1]).toBe('120');
    // Descending: full genomes first.
    await page.getByRole('button', { name: /^Length/ }).click();
    await expect
      .poll(async () => Number((await sequenceRowCells(page, 0))[1]?.replace(/,/g, '')))
      .toBeGreaterThan(20_000);

    await page.getByLabel('Id contains').fill('good-');
    await expect.poll(() => count.textContent()).toBe(`${bad.good.length} of ${total} sequences`);
    await expect.poll(async () => (await sequenceRowCells(page, 0))[0]).toBe('good-5');

    const exported = await downloadText(page, () =>
      page.getByRole('button', { name: 'Export TSV' }).click(),
    );
    expect(exported.fileName).toMatch(/\.tsv$/);
    const [header, ...rows] = exported.text.trim().split(/\r?\n/);
    expect(header?.split('\t').slice(0, 2)).toEqual(['id', 'length']);
    expect(rows.map((row) => row.split('\t')[0])).toEqual(
      bad.good.map((record) => record.id).reverse(),
    );
  });

  it('imports picked files with metadata and recognises the same content imported again', async () => {
    const exampleCount = countFastaRecords(EXAMPLE_FASTA);

    await page.getByLabel('Sequence files').setInputFiles(EXAMPLE_FASTA);
    await page.getByLabel('Metadata file').setInputFiles(EXAMPLE_METADATA);
    await page.getByLabel('Dataset name').fill('SARS-CoV-2 example');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page.getByText('Imported dataset “SARS-CoV-2 example”').waitFor({ timeout: 60_000 });
    expect(await stat('Valid sequences').textContent()).toContain(String(exampleCount));
    expect(await stat('Matched').textContent()).toContain(String(exampleCount));
    expect(await stat('Unmatched metadata ids').textContent()).toContain('0');
    await page.getByText('No record errors').waitFor();

    // The same sequences and metadata again, under another name: nothing new is stored.
    await page.getByRole('button', { name: 'Import more files' }).click();
    await page.getByLabel('Sequence files').setInputFiles(EXAMPLE_FASTA);
    await page.getByLabel('Metadata file').setInputFiles(EXAMPLE_METADATA);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText('Identical content was already imported as dataset SARS-CoV-2 example')
      .waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'SARS-CoV-2 example' }).click();

    await page.getByRole('heading', { level: 1, name: 'Datasets' }).waitFor();
    expect(await page.getByRole('button', { name: /^Show details of/ }).count()).toBe(1);
    const detail = page.getByRole('region', { name: 'Dataset SARS-CoV-2 example' });
    await detail.getByText('metadata.tsv').waitFor();
    expect(
      await detail.getByRole('group', { name: 'Sequences', exact: true }).textContent(),
    ).toContain(String(exampleCount));

    // Deleting asks once more, then the dataset is gone.
    await page.getByRole('button', { name: 'Delete SARS-CoV-2 example' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page.getByText('No datasets yet.').waitFor();
    expect(await app.core.call('listDatasets', {})).toEqual([]);
  });

  it('shows a refused file as a failed import that names it', async () => {
    const bad = writeBadFasta(app.dataDir);
    const notSequences = join(app.dataDir, 'table.json');
    writeFileSync(notSequences, '{"sequences": []}\n');

    await page.getByLabel('Sequence files').setInputFiles([bad.path, notSequences]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Import failed' });
    await failure.waitFor({ timeout: 60_000 });
    expect(await failure.textContent()).toContain('table.json');

    await openPage(page, 'Datasets');
    await page.getByText('No datasets yet.').waitFor();
  });

  it('cancels a large import part-way and saves nothing', async () => {
    const large = writeLargeFasta(join(app.dataDir, 'large.fasta'), 150);

    await page.getByLabel('Sequence files').setInputFiles(large);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // Wait for the job itself (not the upload) so that the cancel reaches the core.
    await page.getByRole('progressbar', { name: 'Overall' }).waitFor({ timeout: 120_000 });
    await page
      .getByRole('region', { name: 'Running jobs' })
      .getByRole('progressbar')
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.getByText('Import cancelled — nothing was saved').waitFor({ timeout: 60_000 });
    const jobs = await app.core.call('listJobs', {});
    expect(jobs.map((job) => job.status)).toEqual(['cancelled']);

    await openPage(page, 'Datasets');
    await page.getByText('No datasets yet.').waitFor();
    expect(await app.core.call('listDatasets', {})).toEqual([]);
  });
});

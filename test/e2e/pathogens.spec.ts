/**
 * Adding a pathogen through the real UI: the shipped flu HA files under a new id, refused
 * first for a gene past the genome end, then added, listed, chosen on the QC page and used
 * to align a few flu genomes.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import { chooseOption, importThroughUi, openPage } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const FLU = join(ROOT, 'resources/pathogens/flu-h3n2-ha');
const FLU_EXAMPLE = join(ROOT, 'resources/examples/flu-h3n2-ha/sequences.fasta');
const FILES = ['reference.fasta', 'genome_annotation.gff3', 'tree.json', 'labeled.tsv'];

let app: AppHandle;
let page: Page;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
});

afterEach(async ({ task }) => {
  await app?.close(task);
});

/** The flu files copied as inputs, a GFF3 with HA2 past the end, and six flu genomes. */
function writeInputs(): { dir: string; badGff: string; genomes: string } {
  const dir = join(app.dataDir, 'inputs');
  mkdirSync(dir);
  for (const name of FILES) copyFileSync(join(FLU, name), join(dir, name));
  const badGff = join(dir, 'past-end.gff3');
  const gff = readFileSync(join(FLU, 'genome_annotation.gff3'), 'utf8');
  writeFileSync(badGff, gff.replace('1036\t1698', '1036\t1800'));
  const records = readFileSync(FLU_EXAMPLE, 'utf8')
    .split(/(?=^>)/m)
    .slice(0, 6);
  const genomes = join(dir, 'flu6.fasta');
  writeFileSync(genomes, records.join(''));
  return { dir, badGff, genomes };
}

const pathogenRow = (name: string) =>
  page
    .getByRole('table', { name: 'Pathogens' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

async function submitPathogen(dir: string, annotation: string): Promise<void> {
  await page.getByLabel('Id', { exact: true }).fill('flu-h3-copy');
  await page.getByLabel('Name', { exact: true }).fill('Flu H3 copy');
  await page.getByLabel('Reference FASTA', { exact: true }).setInputFiles(join(dir, FILES[0]!));
  await page.getByLabel('Annotation GFF3', { exact: true }).setInputFiles(annotation);
  await page
    .getByLabel('Reference tree (Auspice v2 JSON)', { exact: true })
    .setInputFiles(join(dir, 'tree.json'));
  await page
    .getByLabel('Labeled tips (labeled.tsv)', { exact: true })
    .setInputFiles(join(dir, 'labeled.tsv'));
  await page.getByRole('button', { name: 'Add pathogen', exact: true }).click();
}

describe('pathogens', () => {
  it('refuses a gene past the genome end, adds the pathogen, lists it and aligns to it', async () => {
    const { dir, badGff, genomes } = writeInputs();
    await openPage(page, 'Pathogens');
    await pathogenRow('Influenza A/H3N2 HA').waitFor();
    expect(await pathogenRow('Influenza A/H3N2 HA').textContent()).toContain('Shipped');

    await submitPathogen(dir, badGff);
    const refused = page.getByRole('alert').filter({ hasText: 'Pathogen refused' });
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toContain(
      'past-end.gff3: gene HA2 (1036..1800) extends beyond the reference (1718 nt)',
    );
    expect(await pathogenRow('Flu H3 copy').count()).toBe(0);

    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page
      .getByLabel('Annotation GFF3', { exact: true })
      .setInputFiles(join(dir, 'genome_annotation.gff3'));
    await page.getByRole('button', { name: 'Add pathogen', exact: true }).click();
    await page.getByText('Added Flu H3 copy').waitFor({ timeout: 30_000 });
    const row = pathogenRow('Flu H3 copy');
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      'flu-h3-copy',
      'Added',
      '1,718 nt',
      '3 (SigPep, HA1, HA2)',
      'Yes',
    ]);

    await openPage(page, 'Import');
    await importThroughUi(page, [genomes], 'flu six');
    await openPage(page, 'QC');
    await chooseOption(page, 'Pathogen', /^Flu H3 copy$/);
    await page.getByRole('button', { name: 'Align & run QC' }).click();
    await page.getByRole('group', { name: 'Verdicts' }).waitFor({ timeout: 60_000 });
    const dataset = app.core.datasets.list().find((d) => d.name === 'flu six')!;
    expect(dataset.sequenceCount).toBe(6);
    const [analysis] = app.core.analyses.list(dataset.id);
    expect(analysis?.pathogen).toMatchObject({ id: 'flu-h3-copy', source: 'added' });
    expect(analysis?.alignedCount).toBe(6);

    // Used by an analysis now: its removal is refused with the count.
    await openPage(page, 'Pathogens');
    await page.getByRole('button', { name: 'Delete pathogen flu-h3-copy' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page
      .getByRole('alert')
      .getByText("pathogen 'flu-h3-copy' is used by 1 analysis", { exact: false })
      .waitFor();
    await pathogenRow('Flu H3 copy').waitFor();

    // Its tree is drawn on the Tree page like a shipped pathogen's.
    await openPage(page, 'Tree');
    await chooseOption(page, 'Pathogen', /^Flu H3 copy$/);
    await expect
      .poll(() => page.getByLabel('Pathogen', { exact: true }).inputValue())
      .toBe('flu-h3-copy');
  });
});

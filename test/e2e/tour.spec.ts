/**
 * The README's five-minute tour through the real UI, one screenshot per step: import the
 * SARS-CoV-2 example with its metadata, browse it, align and QC it, read its mutations,
 * cluster and classify it, import a second model and compare the two models' runs.
 * With UPDATE_SCREENSHOTS=1 the screenshots replace docs/images/<step>.png; otherwise
 * they go to a temporary folder, so that a test run leaves the tree as it was.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import {
  EXAMPLE_FASTA,
  EXAMPLE_METADATA,
  STRICT_VERSION,
  classifyThroughUi,
  countFastaRecords,
  openPage,
  writeStrictBundle,
} from './fixtures';

const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const DOCS_IMAGES = resolve(import.meta.dirname, '../../docs/images');
const DATASET = 'SARS-CoV-2 example';
// Tall enough that each page's controls, figures and the top of its table fit in one picture
// (the main area scrolls, so a full-page screenshot would not show more); the import report
// is shorter.
const VIEWPORT = { width: 1440, height: 1500 };
const IMPORT_HEIGHT = 820;

let app: AppHandle;
let page: Page;
let scratch: string;
let shotsDir: string;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
  scratch = mkdtempSync(join(tmpdir(), 'variantdesk-tour-'));
  shotsDir = UPDATE ? DOCS_IMAGES : join(scratch, 'images');
  mkdirSync(shotsDir, { recursive: true });
});

afterEach(async ({ task }) => {
  await app?.close(task);
  rmSync(scratch, { recursive: true, force: true });
});

/** Writes the page as the analyst sees it now, `height` pixels tall, to `<shotsDir>/<step>.png`. */
async function shoot(step: string, height = VIEWPORT.height): Promise<void> {
  if (page.viewportSize()?.height !== height) await page.setViewportSize({ ...VIEWPORT, height });
  // Nothing may still be loading in the picture.
  await expect.poll(() => page.getByText(/^Loading\b/).count()).toBe(0);
  await page.screenshot({ path: join(shotsDir, `${step}.png`), animations: 'disabled' });
}

/** The leading number of a labelled figure ("Assigned287 (96.3%)" -> 287). */
async function figure(scope: Locator, label: string): Promise<number> {
  const text = (await scope.getByRole('group', { name: label, exact: true }).textContent()) ?? '';
  return Number(new RegExp(`^${label}([\\d,]+)`).exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

/** The count on a QC verdict chip ("Good 297" -> 297). */
async function verdictCount(label: string): Promise<number> {
  const chip = page
    .getByRole('group', { name: 'Verdicts' })
    .getByRole('button', { name: new RegExp(`^${label}`) });
  const text = (await chip.textContent()) ?? '';
  return Number(/([\d,]+)\s*$/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

const tableStatus = () => page.getByRole('status').filter({ hasText: /of [\d,]+ sequences/ });

describe('the five-minute tour', () => {
  it('walks the README tour on the SARS-CoV-2 example and pictures each step', async () => {
    const total = countFastaRecords(EXAMPLE_FASTA);
    const all = `${total} of ${total} sequences`;

    // 1. Import: sequences and metadata picked, one dataset, every record joined.
    await page.getByLabel('Sequence files').setInputFiles(EXAMPLE_FASTA);
    await page.getByLabel('Metadata file').setInputFiles(EXAMPLE_METADATA);
    await page.getByLabel('Dataset name').fill(DATASET);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(`Imported dataset “${DATASET}”`).waitFor({ timeout: 60_000 });
    const main = page.getByRole('main');
    expect(await figure(main, 'Valid sequences')).toBe(total);
    expect(await figure(main, 'Matched')).toBe(total);
    expect(await figure(main, 'Unmatched metadata ids')).toBe(0);
    await page.getByText('No record errors').waitFor();
    await shoot('import', IMPORT_HEIGHT);

    // 2. Sequences: every sequence with its length and its metadata columns.
    await openPage(page, 'Sequences');
    await expect.poll(() => tableStatus().textContent()).toBe(all);
    const sequences = page.getByRole('table', { name: 'Sequences' });
    await sequences.getByRole('columnheader', { name: /^clade/ }).waitFor();
    const firstRow = await sequences.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(Number(firstRow[1]?.replace(/,/g, ''))).toBeGreaterThan(20_000);
    await shoot('sequences');

    // 3. QC: aligned to the detected pathogen's reference, one verdict per sequence, and the
    // reasons of one sequence's verdict.
    await openPage(page, 'QC');
    await page.getByText('has not been analysed yet').waitFor();
    await page.getByRole('button', { name: 'Align & run QC' }).click();
    await page.getByRole('group', { name: 'Verdicts' }).waitFor({ timeout: 60_000 });
    expect(
      await page.getByRole('group', { name: 'Analysis', exact: true }).textContent(),
    ).toContain('SARS-CoV-2');
    const verdicts = await Promise.all(['Good', 'Mediocre', 'Bad', 'Failed'].map(verdictCount));
    expect(await verdictCount('All')).toBe(total);
    expect(verdicts.reduce((sum, count) => sum + count, 0)).toBe(total);
    await expect.poll(() => tableStatus().textContent()).toBe(all);
    const qcRow = page.getByRole('table', { name: 'QC results' }).getByRole('row').nth(1);
    const qcId = (await qcRow.getByRole('button').textContent()) ?? '';
    await qcRow.click();
    const qcDetail = page.getByRole('region', { name: `Sequence ${qcId}`, exact: true });
    expect(await qcDetail.getByRole('list', { name: 'QC rules' }).textContent()).toMatch(
      /Missing data.*missing bases/,
    );
    await shoot('qc');

    // 4. Variants: the genome map and the mutation table; the spike's most common mutation
    // opens with its carriers.
    await openPage(page, 'Variants');
    await page.getByRole('button', { name: 'Gene S', exact: true }).click();
    expect(await page.getByLabel('Gene', { exact: true }).inputValue()).toBe('S');
    const mutationTable = page.getByRole('table', { name: 'Mutations' });
    await mutationTable.getByRole('button', { name: /^Count/ }).click();
    await expect
      .poll(() =>
        mutationTable.getByRole('columnheader', { name: /^Count/ }).getAttribute('aria-sort'),
      )
      .toBe('descending');
    const mutations = mutationTable.getByRole('row');
    await expect.poll(() => mutations.nth(1).getByRole('cell').nth(2).textContent()).toBe('S');
    const countOf = async (row: number) =>
      Number((await mutations.nth(row).getByRole('cell').nth(4).textContent())?.replace(/,/g, ''));
    const topCount = await countOf(1);
    expect(topCount).toBeGreaterThanOrEqual(await countOf(2));
    const topMutation = mutations.nth(1).getByRole('button').first();
    const label = (await topMutation.textContent()) ?? '';
    await topMutation.click();
    const mutationPanel = page.getByRole('complementary', { name: `Mutation ${label}` });
    expect(await mutationPanel.textContent()).toContain(`carried by ${topCount}`);
    await mutationPanel
      .getByRole('list', { name: `Carriers of ${label}` })
      .getByRole('button')
      .first()
      .waitFor();
    await shoot('variants');

    // 5. Clusters: the default run (UMAP, k-means), one legend entry per cluster, its
    // agreement with the metadata's clades, and the plot recoloured by clade.
    await openPage(page, 'Clusters');
    await page.getByText('has not been clustered yet').waitFor();
    await page.getByRole('button', { name: 'Run clustering' }).click();
    const summaries = page.getByRole('region', { name: 'Cluster summaries' });
    await summaries.waitFor({ timeout: 150_000 });
    const plot = page.getByRole('figure', { name: 'Cluster plot' });
    await plot.locator('canvas').first().waitFor();
    await plot.locator('.legend .traces').first().waitFor();
    const clusterCount = await summaries
      .getByRole('button', { name: /^(Cluster \d+|Noise), / })
      .count();
    expect(clusterCount).toBeGreaterThanOrEqual(2);
    expect(await plot.locator('.legend .traces').count()).toBe(clusterCount);
    expect(await page.getByRole('group', { name: 'ARI' }).textContent()).toMatch(
      /^ARI-?\d\.\d{3}$/,
    );
    await shoot('clusters');
    await page.getByLabel('Color by').selectOption({ value: 'column:clade' });
    await plot.locator('.legendtitletext', { hasText: 'clade' }).waitFor();
    await shoot('overview');

    // 6. Classify: the detected pathogen's production model, every sequence counted, and
    // one genome open (the example's XAK, a recombinant) with its probabilities, its
    // nearest labeled exemplar and its QC.
    await openPage(page, 'Classify');
    await page
      .getByRole('status', { name: 'Detected pathogen' })
      .filter({ hasText: 'Detected from the sequences: SARS-CoV-2' })
      .waitFor();
    await expect
      .poll(() => page.getByLabel('Model', { exact: true }).locator('option:checked').textContent())
      .toMatch(/^sars-cov-2-clade@[\w.-]+ \(production\)$/);
    await page.getByRole('button', { name: 'Classify', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Classification summary' });
    await summary.waitFor({ timeout: 60_000 });
    const assigned = await figure(summary, 'Assigned');
    expect(await figure(summary, 'Sequences')).toBe(total);
    expect(assigned + (await figure(summary, 'Unassigned'))).toBe(total);
    expect(assigned).toBeGreaterThan(total * 0.8);
    await expect.poll(() => tableStatus().textContent()).toBe(all);
    const productionName =
      (await summary
        .getByText(/^sars-cov-2-clade@[\w.-]+$/)
        .first()
        .textContent()) ?? '';
    await page
      .getByRole('table', { name: 'Predictions' })
      .getByRole('button', { name: 'XAK', exact: true })
      .click();
    const genome = page.getByRole('region', { name: 'Prediction XAK', exact: true });
    const top = genome.getByRole('list', { name: 'Top probabilities' }).getByRole('listitem');
    await top.first().waitFor();
    expect(await top.first().textContent()).toMatch(/^\S+\d+\.\d%$/);
    expect(await top.first().textContent()).toMatch(/^recombinant/);
    expect(await genome.getByRole('region', { name: 'Nearest exemplar' }).textContent()).toContain(
      'XAK',
    );
    await genome.getByRole('list', { name: 'QC rules' }).waitFor();
    await shoot('classify');

    // 7. Tree: the reference tree with the run's genomes placed on it.
    await openPage(page, 'Tree');
    await expect
      .poll(() =>
        page.getByRole('img', { name: /Reference tree of sars-cov-2/ }).getAttribute('aria-label'),
      )
      .toMatch(new RegExp(`, ${total} sequences placed$`));
    await page.getByRole('list', { name: 'Clades' }).getByText(/· \d+ placed/).first().waitFor();
    await shoot('tree');

    // 8. Models: the production models, and a second version of the SARS-CoV-2 one
    // imported as a bundle, verified and registered beside it.
    await openPage(page, 'Models');
    const sarsModels = page.getByRole('table', { name: 'Models of SARS-CoV-2' });
    await sarsModels.getByRole('button', { name: /^sars-cov-2-clade@/ }).waitFor();
    expect(await sarsModels.textContent()).toContain('production');
    await page
      .getByLabel('Model bundle', { exact: true })
      .setInputFiles(writeStrictBundle(scratch));
    const strictName = `sars-cov-2-clade@${STRICT_VERSION}`;
    await page.getByText(`Registered ${strictName}`, { exact: true }).waitFor();
    expect(await sarsModels.getByRole('button', { name: /^sars-cov-2-clade@/ }).count()).toBe(2);
    // The registered version opens with its report.
    const perClass = page
      .getByRole('region', { name: `Model ${strictName}`, exact: true })
      .getByRole('table', { name: 'Per-class figures' });
    await expect.poll(() => perClass.getByRole('row').count()).toBeGreaterThan(10);
    await shoot('models');

    // 9. Compare: the strict version's run beside the production one's, in History.
    await classifyThroughUi(app, DATASET, /^sars-cov-2-clade@1\.0\.1-strict$/);
    await openPage(page, 'History');
    const runs = page.getByRole('table', { name: 'Classification runs' });
    expect(await runs.getByRole('row').count()).toBe(3);
    for (const checkbox of await runs.getByRole('checkbox', { name: /^Compare run / }).all()) {
      await checkbox.check();
    }
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const view = page.getByRole('region', { name: 'Run comparison' });
    const agreement = view.getByRole('region', { name: 'Agreement' });
    await agreement.waitFor();
    expect(await view.getByRole('region', { name: 'Left run' }).textContent()).toContain(
      productionName,
    );
    expect(await view.getByRole('region', { name: 'Right run' }).textContent()).toContain(
      strictName,
    );
    const differ = await figure(agreement, 'Differ');
    expect((await figure(agreement, 'Agree')) + differ).toBe(total);
    expect(differ).toBeGreaterThan(0);
    const differing = view.getByRole('table', { name: 'Differing sequences' });
    expect(await differing.getAttribute('aria-rowcount')).toBe(String(differ + 1));
    await expect.poll(() => differing.getByRole('row').count()).toBeGreaterThan(1);
    await shoot('compare');
  });
});

/**
 * The Tree page through the real UI: the SARS-CoV-2 example classified, then its reference
 * tree drawn with the 298 genomes placed, a search that finds and centres one, a click that
 * opens it, the radial layout, and the SVG and PNG exports.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import {
  EXAMPLE_FASTA,
  EXAMPLE_METADATA,
  classifyThroughUi,
  chooseOption,
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

afterEach(async ({ task }) => {
  await app?.close(task);
});

const DATASET = 'SARS-CoV-2 example';

describe('Tree page', () => {
  it('draws the reference tree with the classified genomes placed, finds one, exports SVG and PNG', async () => {
    await importThroughUi(page, [EXAMPLE_FASTA], DATASET, EXAMPLE_METADATA);
    const runId = await classifyThroughUi(app, DATASET, /^sars-cov-2-clade@\S+ \(production\)$/);
    // A prediction shows its placement beside the model's label.
    await page
      .getByRole('table', { name: 'Predictions' })
      .getByRole('button', { name: 'XAK', exact: true })
      .click();
    const placement = page
      .getByRole('region', { name: 'Prediction XAK', exact: true })
      .getByRole('region', { name: 'Tree placement' });
    await expect
      .poll(() => placement.textContent())
      .toMatch(/Tree clade\s*recombinant.*Node\s*XAK/);
    await openPage(page, 'Tree');

    // The dataset's run is the one shown: every genome sits on the tree.
    const run = page.getByLabel('Sequences placed', { exact: true });
    await expect.poll(() => run.inputValue()).toBe(String(runId));
    const canvas = page.getByRole('img', { name: /Reference tree of sars-cov-2/ });
    await expect
      .poll(() => canvas.getAttribute('aria-label'))
      .toMatch(/4,058 nodes, 298 sequences placed/);
    const legend = page.getByRole('list', { name: 'Clades' });
    await expect.poll(() => legend.getByRole('listitem').count()).toBeGreaterThan(40);
    await legend
      .getByText(/· \d+ placed/)
      .first()
      .waitFor();

    // A genome found by its id, centred, and opened by a click where it now is.
    await page.getByLabel('Find a node, clade or sequence').fill('XBB.1.5.');
    await page.getByText(/\d+ nodes, [1-9]\d* sequences match/).waitFor();
    await page.getByLabel('Find a node, clade or sequence').fill('XBB.1.5');
    await page.getByRole('button', { name: 'Show' }).click();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const detail = page.getByRole('region', { name: /^Sequence XBB\.1\.5/ });
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toMatch(/Tree clade\s*23A/);
    await detail.getByRole('button', { name: 'Close' }).click();

    const svg = await downloadText(page, () =>
      page.getByRole('button', { name: 'SVG', exact: true }).click(),
    );
    expect(svg.fileName).toBe(`tree-sars-cov-2-run-${runId}.svg`);
    expect(svg.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.text.match(/<circle /g)).toHaveLength(298);

    await chooseOption(page, 'Layout', /Radial/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG', exact: true }).click(),
    ]);
    expect(png.suggestedFilename()).toBe(`tree-sars-cov-2-run-${runId}.png`);

    const auspice = await downloadText(page, () =>
      page.getByRole('button', { name: 'Auspice JSON' }).click(),
    );
    expect(JSON.parse(auspice.text)).toMatchObject({ version: 'v2' });
  });
});

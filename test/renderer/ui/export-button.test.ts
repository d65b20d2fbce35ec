// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportedFile } from '../../../src/shared/types';
import {
  ExportButton,
  ExportError,
  useFileExport,
} from '../../../src/renderer/src/ui/ExportButton';

type Format = 'tsv' | 'csv';

function Exports({ makeFile }: { makeFile(format: Format): Promise<ExportedFile> }) {
  const exporter = useFileExport(makeFile);
  return h(
    'div',
    null,
    h(ExportButton<Format>, { exporter, format: 'tsv', busyLabel: 'Exporting…', children: 'TSV' }),
    h(ExportButton<Format>, { exporter, format: 'csv', children: 'CSV' }),
    h(ExportError, { error: exporter.error }),
  );
}

const file: ExportedFile = { fileName: 'rows.tsv', mimeType: 'text/plain', content: 'a\tb\n' };

describe('ExportButton', () => {
  let downloads: string[];
  beforeEach(() => {
    downloads = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('downloads the file made in its format', async () => {
    const makeFile = vi.fn(async () => file);
    render(h(Exports, { makeFile }));
    fireEvent.click(screen.getByRole('button', { name: 'TSV' }));
    await waitFor(() => expect(downloads).toEqual(['rows.tsv']));
    expect(makeFile).toHaveBeenCalledWith('tsv');
  });

  it('says it is busy and holds every button until the export is done', async () => {
    let finish: (value: ExportedFile) => void = () => {};
    const makeFile = () => new Promise<ExportedFile>((resolve) => (finish = resolve));
    render(h(Exports, { makeFile }));
    fireEvent.click(screen.getByRole('button', { name: 'TSV' }));
    const busy = await screen.findByRole<HTMLButtonElement>('button', { name: 'Exporting…' });
    expect(busy.disabled).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'CSV' }).disabled).toBe(true);
    finish(file);
    const done = await screen.findByRole<HTMLButtonElement>('button', { name: 'TSV' });
    expect(done.disabled).toBe(false);
  });

  it('announces why an export failed', async () => {
    render(h(Exports, { makeFile: async () => Promise.reject(new Error('disk full')) }));
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Export failed: disk full');
    expect(downloads).toEqual([]);
  });
});

import { useState, type RefObject } from 'react';
import { errorMessage } from '../../api';
import { ExportGroup } from '../../ui/ExportFormatButtons';
import { loadPlotly } from './plotly';

interface PlotImageButtonsProps {
  plotRef: RefObject<HTMLDivElement | null>;
  fileName: string;
  disabled: boolean;
}

/** Downloads the plot as it is shown (zoom, colors, hidden groups) as PNG or SVG. */
export function PlotImageButtons({ plotRef, fileName, disabled }: PlotImageButtonsProps) {
  const [error, setError] = useState<string | null>(null);

  const download = async (format: 'png' | 'svg') => {
    const element = plotRef.current;
    if (!element) return;
    setError(null);
    try {
      const plotly = await loadPlotly();
      await plotly.downloadImage(element, {
        format,
        filename: fileName,
        width: element.clientWidth,
        height: element.clientHeight,
        // A PNG at twice the screen size stays sharp in a report.
        scale: format === 'png' ? 2 : 1,
      });
    } catch (downloadError) {
      setError(errorMessage(downloadError));
    }
  };

  return (
    <ExportGroup label="Plot image" error={error} what="Image export">
      {(['png', 'svg'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => void download(format)}
        >
          {format.toUpperCase()}
        </button>
      ))}
    </ExportGroup>
  );
}

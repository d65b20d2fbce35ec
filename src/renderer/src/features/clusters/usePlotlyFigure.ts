import { useEffect, useRef, useState, type RefObject } from 'react';
import {
  loadPlotly,
  type Config,
  type Data,
  type Layout,
  type Plotly,
  type PlotlyHTMLElement,
  type PlotSelectionEvent,
} from './plotly';
import { errorMessage } from '../../api';

const CONFIG: Partial<Config> = {
  displaylogo: false,
  scrollZoom: true,
  // The page has its own PNG and SVG buttons.
  modeBarButtonsToRemove: ['toImage'],
};

export interface PlotlyFigure {
  data: Data[];
  layout: Partial<Layout>;
}

/**
 * Draws a figure into the element with Plotly.react (only what changed is redrawn), keeps
 * it sized to the element, reports lasso and box selections, and purges it on unmount.
 */
export function usePlotlyFigure(
  ref: RefObject<HTMLDivElement | null>,
  figure: PlotlyFigure | null,
  onSelected: (event: PlotSelectionEvent | null) => void,
): { drawn: boolean; error: string | null } {
  const [plotly, setPlotly] = useState<Plotly | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSelectedRef = useRef(onSelected);
  const listening = useRef(false);

  useEffect(() => {
    onSelectedRef.current = onSelected;
  }, [onSelected]);

  useEffect(() => {
    let active = true;
    loadPlotly()
      .then((loaded) => {
        if (active) setPlotly(loaded);
      })
      .catch((loadError: unknown) => {
        if (active) setError(`Could not load the plotting library: ${errorMessage(loadError)}`);
      });
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!plotly || !element) return;
    const observer = new ResizeObserver(() => {
      if (element.isConnected && listening.current) plotly.Plots.resize(element);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      listening.current = false;
      plotly.purge(element);
    };
  }, [plotly, ref]);

  useEffect(() => {
    const element = ref.current;
    if (!plotly || !element || !figure) return;
    let active = true;
    plotly
      .react(element, figure.data, figure.layout, CONFIG)
      .then((graph: PlotlyHTMLElement) => {
        if (!active) return;
        if (!listening.current) {
          listening.current = true;
          graph.on('plotly_selected', (event) => onSelectedRef.current(event ?? null));
          graph.on('plotly_deselect', () => onSelectedRef.current(null));
        }
        setDrawn(true);
        setError(null);
      })
      .catch((drawError: unknown) => {
        if (active) setError(`Could not draw the plot: ${errorMessage(drawError)}`);
      });
    return () => {
      active = false;
    };
  }, [plotly, figure, ref]);

  return { drawn, error };
}

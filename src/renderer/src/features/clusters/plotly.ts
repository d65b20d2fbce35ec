/**
 * Plotly, loaded on first use (5 MB: only the Clusters page pays for it), in its strict
 * build. The app's CSP forbids eval, and the default bundle compiles its WebGL draw
 * calls with `Function(...)`: under the CSP scattergl only shows "WebGL is not
 * supported". The strict bundle ships those draw calls precompiled.
 */
import type PlotlyApi from 'plotly.js-dist-min';

export type Plotly = typeof PlotlyApi;
export type {
  Config,
  Data,
  Layout,
  PlotlyHTMLElement,
  PlotSelectionEvent,
} from 'plotly.js-dist-min';

let loading: Promise<Plotly> | null = null;

export function loadPlotly(): Promise<Plotly> {
  loading ??= import('plotly.js-strict-dist-min').then((module) => module.default);
  return loading;
}

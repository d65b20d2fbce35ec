/**
 * The strict plotly bundle ships no types of its own; its API is the full bundle's, whose
 * declarations (plotly.js-dist-min ships them since 4.0) describe it.
 */
declare module 'plotly.js-strict-dist-min' {
  import Plotly from 'plotly.js-dist-min';
  export default Plotly;
}

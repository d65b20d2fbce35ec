#!/usr/bin/env bash
# The main job on the bundled example: import the SARS-CoV-2 example genomes with their
# metadata into a demo registry, align them, run QC, cluster and classify them (TSV reports),
# then (on a terminal) open browser mode.
set -euo pipefail
cd "$(dirname "$0")/.."
export VARIANTDESK_HOME=${VARIANTDESK_HOME:-$PWD/.variantdesk-demo}
example=resources/examples/sars-cov-2
report=$VARIANTDESK_HOME/demo-report.txt
mkdir -p "$VARIANTDESK_HOME"

echo "Importing $example/sequences.fasta.gz into $VARIANTDESK_HOME ..."
node bin/variantdesk.mjs import "$example/sequences.fasta.gz" --metadata "$example/metadata.tsv" \
  --name "SARS-CoV-2 example" | tee "$report"
echo
node bin/variantdesk.mjs datasets | tee -a "$report"
echo
echo "Aligning to the reference, calling mutations and running QC ..."
node bin/variantdesk.mjs qc "SARS-CoV-2 example" --out "$VARIANTDESK_HOME/qc.tsv" 2>&1 | tee -a "$report"
node bin/variantdesk.mjs mutations "SARS-CoV-2 example" --quiet --out "$VARIANTDESK_HOME/mutations.tsv"
echo "Per-sequence mutations: $VARIANTDESK_HOME/mutations.tsv" | tee -a "$report"
echo
echo "Clustering (N-aware mutation profile, UMAP, k-means with k by silhouette) ..."
node bin/variantdesk.mjs cluster "SARS-CoV-2 example" --out "$VARIANTDESK_HOME/clusters.tsv" 2>&1 | tee -a "$report"
echo
echo "Classifying clades with the production model (calibrated confidence, fallback below the threshold) ..."
node bin/variantdesk.mjs classify "SARS-CoV-2 example" --out "$VARIANTDESK_HOME/clades.tsv" 2>&1 | tee -a "$report"
echo "Clade calls: $VARIANTDESK_HOME/clades.tsv" | tee -a "$report"
echo
echo "Report written to $report"

npm run --silent build:web
if [ -t 1 ] && [ -z "${CI:-}" ]; then
  echo "Starting browser mode (Ctrl-C to stop):"
  exec node bin/variantdesk.mjs serve --port "${PORT:-4173}"
else
  echo "Browser mode: VARIANTDESK_HOME=$VARIANTDESK_HOME npm run web   (then open the printed URL)"
fi

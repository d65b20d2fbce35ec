#!/usr/bin/env bash
# Rebuilds resources/ from ../shared/data (the app never reads ../shared at run time).
# SARS-CoV-2 example: every 10th tip of the reference tree (about 300 genomes), with
# realistic runs of N (tips_to_fasta.py --ns-fraction 0.03 --seed 1), ungapped
# (--drop-deletions: real consensus genomes carry no '-'), gzipped; plus its metadata.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DATA:-$here/../shared/data}
out=$here/resources
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for pathogen in sars-cov-2 rsv-a flu-h3n2-ha; do
  mkdir -p "$out/pathogens/$pathogen" "$out/examples/$pathogen"
  cp "$shared/$pathogen/reference.fasta" "$shared/$pathogen/genome_annotation.gff3" "$out/pathogens/$pathogen/"
  cp "$shared/$pathogen/README.md" "$out/pathogens/$pathogen/SOURCE.md"
  # Labeled tips (name, clade, pango, net mutations): nearest labeled reference, private mutations.
  cp "$shared/$pathogen/tree_tips.tsv" "$out/pathogens/$pathogen/labeled.tsv"
  if [ -f "$shared/$pathogen/sequences.fasta" ]; then
    cp "$shared/$pathogen/sequences.fasta" "$out/examples/$pathogen/sequences.fasta"
  fi
done

# Reference trees (Auspice v2), validated against the references and tips just copied.
SHARED_DATA=$shared node --import tsx "$here/scripts/ship-trees.ts"

tips=$shared/sars-cov-2/tree_tips.tsv
awk -F'\t' 'NR == 1 || (NR - 2) % 10 == 0' "$tips" > "$tmp/tips.tsv"
python3 "$shared/sars-cov-2/tips_to_fasta.py" "$tmp/tips.tsv" "$shared/sars-cov-2/reference.fasta" \
  -o "$tmp/sequences.fasta" --ns-fraction 0.03 --seed 1 --drop-deletions
gzip -9 -n -c "$tmp/sequences.fasta" > "$out/examples/sars-cov-2/sequences.fasta.gz"
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 1 { print "strain", "clade", "pango"; next } { print $1, $2, $3 }' \
  "$tmp/tips.tsv" > "$out/examples/sars-cov-2/metadata.tsv"
echo "resources/ rebuilt: $(grep -c '>' "$tmp/sequences.fasta") SARS-CoV-2 example genomes"

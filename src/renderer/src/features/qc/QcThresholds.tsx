/** How the pathogen's QC turns measurements into verdicts, in the core's own words. */
export function QcThresholds({ lines }: { lines: string[] }) {
  return (
    <section className="thresholds" aria-labelledby="qc-thresholds">
      <h3 id="qc-thresholds">How verdicts are decided</h3>
      <ul className="thresholds-list">
        {lines.map((line) => {
          // "Missing data: ..." reads best with the rule's name set apart.
          const colon = line.indexOf(': ');
          return (
            <li key={line}>
              {colon > 0 && colon < 40 ? (
                <>
                  <strong>{line.slice(0, colon)}:</strong> {line.slice(colon + 2)}
                </>
              ) : (
                line
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

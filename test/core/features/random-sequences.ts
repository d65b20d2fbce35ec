/** Seeded random DNA (mulberry32), with an occasional N or ambiguity code. */
export function randomSequences(count: number, length: number, seed = 1): string[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = 'ACGT';
  return Array.from({ length: count }, () => {
    let sequence = '';
    for (let i = 0; i < length; i++) {
      const roll = next();
      sequence += roll < 0.01 ? 'N' : roll < 0.012 ? 'R' : alphabet[Math.floor(next() * 4)];
    }
    return sequence;
  });
}

export function reverseComplement(sequence: string): string {
  const pair: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N', R: 'Y' };
  return [...sequence]
    .reverse()
    .map((base) => pair[base] ?? 'N')
    .join('');
}

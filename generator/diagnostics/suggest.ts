// "Did you mean": the closest names by edit distance, case-insensitively. Shared by the CLI and
// structgen/contract (which must not import the CLI).
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function suggest(name: string, candidates: readonly string[], max = 3): string[] {
  const n = name.toLowerCase();
  return candidates
    .map((c) => {
      const l = c.toLowerCase();
      return { c, d: l.includes(n) || n.includes(l) ? Math.abs(l.length - n.length) / 100 : distance(n, l) };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map((x) => x.c);
}

/** "; did you mean a, b?" or "" when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const close = suggest(name, candidates);
  return close.length > 0 ? `; did you mean ${close.join(", ")}?` : "";
}

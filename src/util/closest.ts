/**
 * "Did you mean": the known name closest to a mistyped one, for unknown config fields and
 * unknown command-line flags alike.
 */

/**
 * The name of `known` nearest to `name` by edit distance (case ignored), when it is near enough
 * to be a typo: at most 2 edits, or a third of `name`'s length for longer names. Ties go to the
 * first in `known`.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const best = known.map((k) => [k, distance(name.toLowerCase(), k.toLowerCase())] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? best[0] : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

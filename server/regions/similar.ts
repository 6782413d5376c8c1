import { type Region } from "./data";
import { aliasesOf } from "./names";

/** Typo tolerance for suggestions: bounded edit distance over region names and aliases. */

let rowA = new Int32Array(32);
let rowB = new Int32Array(32);

/** Levenshtein distance, giving up (returning max + 1) once it cannot stay within `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (lb >= rowA.length) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
  }
  // Two reused rows: this runs hundreds of times per failing address, allocation would dominate.
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const del = (prev[j] ?? 0) + 1;
      const ins = (cur[j - 1] ?? 0) + 1;
      const sub = (prev[j - 1] ?? 0) + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(del, ins, sub);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[lb] ?? max + 1;
}

/** Typos allowed: none in 2-character names (too many near neighbours), one up to 5, then two. */
const allowedTypos = (len: number) => (len <= 2 ? 0 : len <= 5 ? 1 : 2);

interface Similar {
  region: Region;
  end: number;
  distance: number;
}

/**
 * Candidates whose name (or alias) is within a typo or two of the text at `pos`, best first.
 * With `sameSuffix`, the text must end on the candidate's suffix character (区/县/市): used on the
 * success path, where "西湖大道" must not read as a misspelt 西湖区.
 */
export function similarAt(
  s: string,
  pos: number,
  candidates: readonly Region[] | readonly Named[],
  sameSuffix = false,
  twoCharTypos = false,
): Similar[] {
  const best = new Map<Region, Similar>();
  const c0 = s.charCodeAt(pos);
  const c1 = s.charCodeAt(pos + 1);
  for (const { region, name } of named(candidates)) {
    // Cheap filter first: a near match shares its first or second character (maybe shifted).
    const n0 = name.charCodeAt(0);
    const n1 = name.charCodeAt(1);
    if (n0 !== c0 && n1 !== c1 && n1 !== c0 && n0 !== c1) continue;
    const max = twoCharTypos && name.length === 2 ? 1 : allowedTypos(name.length);
    for (let len = Math.max(2, name.length - 1); len <= name.length + 1; len++) {
      if (pos + len > s.length) break;
      const sub = s.slice(pos, pos + len);
      if (sameSuffix && sub.at(-1) !== name.at(-1)) continue;
      const d = editDistance(name, sub, max);
      const prev = best.get(region);
      if (
        d <= max &&
        (!prev || d < prev.distance || (d === prev.distance && len > prev.end - pos))
      ) {
        best.set(region, { region, end: pos + len, distance: d });
      }
    }
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || b.end - a.end);
}

export interface Named {
  region: Region;
  name: string;
}

export function named(candidates: readonly Region[] | readonly Named[]): readonly Named[] {
  const first = candidates[0];
  if (!first || "region" in first) return candidates as readonly Named[];
  return (candidates as readonly Region[]).flatMap((region) =>
    aliasesOf(region).map((name) => ({ region, name })),
  );
}

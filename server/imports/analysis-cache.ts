import { FIELDS, type ColumnMapping } from "./fields";
import type { ImportOrder } from "./row-types";

/**
 * The last previews' valid orders, kept in this process so that a commit right after a preview
 * does not read, map and validate the same file again (for 100k rows that is most of the CPU time
 * the import spends outside the database).
 *
 * Only a shortcut: an entry is used when the batch, the file's sha256 and the column mapping the
 * commit resolves all match what the preview validated, because the validation is a pure function
 * of those. Anything else (another worker or web process, a restart, a changed mapping, an
 * expired entry) falls back to the full analysis of the stored file. "Already imported" is never
 * cached: the commit asks the database again.
 */
export type CachedAnalysis = {
  batchId: number;
  fileSha256: string;
  headers: string[];
  mappingKey: string;
  orders: ImportOrder[];
};

/** A few batches at a time: one user previewing a file then committing it is the case to serve. */
const MAX_ENTRIES = 2;
/** After this the commit re-reads the file; previews left unattended do not pin memory forever. */
const TTL_MS = 15 * 60 * 1000;

type Entry = CachedAnalysis & { expires: number };
const entries = new Map<number, Entry>();

/** A mapping as a canonical string: the same columns for the same fields give the same key. */
export function mappingKey(mapping: ColumnMapping): string {
  return JSON.stringify(FIELDS.map((f) => mapping[f] ?? null));
}

function sweep(now: number) {
  for (const [id, e] of entries) if (e.expires <= now) entries.delete(id);
}

export function rememberAnalysis(analysis: CachedAnalysis, now = Date.now()): void {
  sweep(now);
  entries.delete(analysis.batchId);
  entries.set(analysis.batchId, { ...analysis, expires: now + TTL_MS });
  // Map iteration is insertion order: the first entries are the oldest.
  for (const id of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    entries.delete(id);
  }
}

/** The cached entry for this batch and file, if there is one; the caller still checks the mapping. */
export function recallAnalysis(
  batchId: number,
  fileSha256: string,
  now = Date.now(),
): CachedAnalysis | null {
  sweep(now);
  const e = entries.get(batchId);
  if (!e || e.fileSha256 !== fileSha256) return null;
  return e;
}

export function forgetAnalysis(batchId: number): void {
  entries.delete(batchId);
}

/** Tests: start from an empty cache. */
export function clearAnalysisCache(): void {
  entries.clear();
}

/**
 * How the import worker runs, shared by the job (server/imports/jobs.ts), the worker process
 * (server/jobs/worker-cli.ts) and the import benchmark, so the benchmark measures what runs.
 */

/**
 * Import chunks committed at once. On PostgreSQL two: the server inserts one chunk while this
 * process prepares the next, and the two transactions use two cores. PGlite has one connection,
 * so its chunks go one after the other.
 */
export function commitConcurrency(onPostgres: boolean): number {
  return onPostgres ? 2 : 1;
}

/**
 * V8 old-space cap of the worker process, in MB. Without it V8 lets the heap grow to about four
 * times the live set before a full collection, so a 100k-row import (live set ~250 MB at its peak)
 * reached ~700 MB RSS; with it the same import stays under 512 MB. A 50 MB upload (the largest
 * the console accepts, ~200k rows) was measured to complete under this cap.
 */
export const WORKER_MAX_OLD_SPACE_MB = 384;

/** NODE_OPTIONS for a worker process: the caller's options plus the heap cap. */
export function workerNodeOptions(current = process.env.NODE_OPTIONS ?? ""): string {
  if (/--max-old-space-size[= ]/.test(current)) return current;
  return `${current} --max-old-space-size=${WORKER_MAX_OLD_SPACE_MB}`.trim();
}

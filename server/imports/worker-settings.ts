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

/**
 * V8 flags of the worker process that NODE_OPTIONS may not carry, so they go on its command line:
 * garbage collection on the main thread only. By default V8 marks and scavenges with helper
 * threads; on a 2-core machine those compete with PostgreSQL for the second core while an import
 * commits. Alternating runs of the same commit (69k orders) with and without the flag: 4.12–4.53 s
 * against 4.68–4.84 s, and less CPU time in this process.
 */
export const WORKER_V8_FLAGS: readonly string[] = ["--single-threaded-gc"];

/** Command-line flags for a worker process: the caller's plus WORKER_V8_FLAGS. */
export function workerExecArgv(current: readonly string[] = process.execArgv): string[] {
  return [...current, ...WORKER_V8_FLAGS.filter((flag) => !current.includes(flag))];
}

/** NODE_OPTIONS for a worker process: the caller's options plus the heap cap. */
export function workerNodeOptions(current = process.env.NODE_OPTIONS ?? ""): string {
  if (/--max-old-space-size[= ]/.test(current)) return current;
  return `${current} --max-old-space-size=${WORKER_MAX_OLD_SPACE_MB}`.trim();
}

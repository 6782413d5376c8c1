/**
 * `npm run worker`: job workers in their own process, for scale-out on PostgreSQL. Run the web
 * process with JOBS_IN_PROCESS=0 then. The embedded database belongs to one process, so embedded
 * mode always runs its workers inside the console.
 */
import { getDbHandle } from "@/db/client";
import { env } from "@/server/env";
import { startQueue, stopQueue } from "./queue";

if (!env.DATABASE_URL) {
  console.error(
    "npm run worker needs DATABASE_URL: the embedded database runs its workers inside the console.",
  );
  process.exit(2);
}
const handle = await getDbHandle();
await startQueue(handle, { url: env.DATABASE_URL, work: true });
console.log(`[worker] ${process.pid} working`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopQueue()
      .then(() => handle.close())
      .then(() => process.exit(0));
  });
}

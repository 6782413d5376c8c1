import { migrate } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { startDemoTimelapse } from "./couriers/sandbox/demo";
import { demoMode, env, selfOrigin } from "./env";
import { startQueue } from "./jobs/queue";
import { getRuntime } from "./runtime";

/**
 * Start-up of the console process: apply migrations, seed the demo on first start, start the job
 * queue (with workers unless they run in `npm run worker` processes). Called once from
 * instrumentation.ts before the server takes requests.
 */
export async function boot(): Promise<void> {
  const rt = await getRuntime();
  await migrate(rt.handle);
  if (demoMode) {
    const seeded = await seedDemo(rt.db, rt.courierKey);
    if (seeded) console.log("[boot] demo data seeded");
  }
  await startQueue(rt.handle, { url: env.DATABASE_URL, work: env.JOBS_IN_PROCESS === "1" });
  if (demoMode) startDemoTimelapse(rt.db, selfOrigin, env.SANDBOX_TIMELAPSE);
  console.log(
    `[boot] ready: ${rt.handle.driver === "pglite" ? `embedded PGlite in ${env.PGLITE_DIR}` : "PostgreSQL"}` +
      `${demoMode ? ", demo mode" : ""}, jobs ${env.JOBS_IN_PROCESS === "1" ? "in-process" : "external"}`,
  );
}

import type { DbHandle } from "@/db/client";
import { pingDatabase, readHeartbeat } from "./queries";
import { judgeHealth, type HealthReport } from "./rules";

export async function checkHealth(handle: DbHandle): Promise<HealthReport> {
  const started = performance.now();
  try {
    await pingDatabase(handle.db);
  } catch (error) {
    return judgeHealth({
      now: new Date(),
      driver: handle.driver,
      db: { error: error instanceof Error ? error.message : String(error) },
      heartbeat: null,
    });
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const heartbeat = await readHeartbeat(handle.db, "jobs");
  return judgeHealth({ now: new Date(), driver: handle.driver, db: { latencyMs }, heartbeat });
}

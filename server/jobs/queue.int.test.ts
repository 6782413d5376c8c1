import { afterAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing/test-db";
import { readHeartbeat } from "@/server/health/queries";
import { startQueue, stopQueue } from "./queue";

const t = withTestDb();

describe("job queue on the application database", () => {
  afterAll(async () => {
    await stopQueue();
  });

  it("starts, runs the heartbeat job, and records it", async () => {
    const url = process.env.TEST_DB_DRIVER === "postgres" ? urlOf(t.current.name) : undefined;
    await startQueue(t.current, { url, work: true });
    await expect
      .poll(async () => (await readHeartbeat(t.current.db, "jobs"))?.by, {
        timeout: 20_000,
        interval: 250,
      })
      .toMatch(/:\d+$/);
  });
});

function urlOf(database: string): string {
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${database}`;
  return u.toString();
}

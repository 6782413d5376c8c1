import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing/test-db";
import { recordHeartbeat } from "./queries";
import { checkHealth } from "./service";

const t = withTestDb();

describe("health", () => {
  it("is degraded until the job queue has written a heartbeat, then ok", async () => {
    const before = await checkHealth(t.current);
    expect(before.status).toBe("degraded");
    expect(before.database.ok).toBe(true);
    expect(before.jobs.ok).toBe(false);
    await recordHeartbeat(t.current.db, { name: "jobs", by: "test:1" });
    const after = await checkHealth(t.current);
    expect(after).toMatchObject({
      status: "ok",
      database: { ok: true },
      jobs: { ok: true, by: "test:1" },
    });
  });

  it("reports a database that does not answer", async () => {
    const broken = {
      ...t.current,
      db: { execute: () => Promise.reject(new Error("connection refused")) },
    };
    const report = await checkHealth(broken as unknown as typeof t.current);
    expect(report).toMatchObject({
      status: "degraded",
      database: { ok: false, error: "connection refused" },
    });
  });
});

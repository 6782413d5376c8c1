import { describe, expect, it } from "vitest";
import { judgeHealth } from "./rules";

const now = new Date("2026-11-24T10:00:00Z");
const ago = (s: number) => ({ at: new Date(now.getTime() - s * 1000), by: "host:1" });

describe("judgeHealth", () => {
  it.each([
    { name: "fresh heartbeat", db: { latencyMs: 1 }, hb: ago(30), status: "ok", jobs: true },
    {
      name: "heartbeat at the limit",
      db: { latencyMs: 1 },
      hb: ago(180),
      status: "ok",
      jobs: true,
    },
    {
      name: "stale heartbeat",
      db: { latencyMs: 1 },
      hb: ago(181),
      status: "degraded",
      jobs: false,
    },
    { name: "no heartbeat yet", db: { latencyMs: 1 }, hb: null, status: "degraded", jobs: false },
    { name: "database down", db: { error: "refused" }, hb: ago(1), status: "degraded", jobs: true },
  ])("$name -> $status", ({ db, hb, status, jobs }) => {
    const report = judgeHealth({ now, driver: "postgres", db, heartbeat: hb });
    expect(report.status).toBe(status);
    expect(report.jobs.ok).toBe(jobs);
    expect(report.database.ok).toBe(!("error" in db));
  });
});

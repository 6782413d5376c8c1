export const HEARTBEAT_STALE_SECONDS = 180;

export type HealthReport = {
  status: "ok" | "degraded";
  checkedAt: string;
  database: {
    ok: boolean;
    driver: "pglite" | "postgres";
    latencyMs: number | null;
    error?: string;
  };
  jobs: {
    ok: boolean;
    lastHeartbeatAt: string | null;
    heartbeatAgeSeconds: number | null;
    by: string | null;
  };
};

/** Healthy when the database answers and the job queue has processed a heartbeat recently. */
export function judgeHealth(input: {
  now: Date;
  driver: "pglite" | "postgres";
  db: { latencyMs: number } | { error: string };
  heartbeat: { at: Date; by: string } | null | undefined;
}): HealthReport {
  const dbOk = "latencyMs" in input.db;
  const age = input.heartbeat
    ? Math.max(0, Math.round((input.now.getTime() - input.heartbeat.at.getTime()) / 1000))
    : null;
  const jobsOk = age !== null && age <= HEARTBEAT_STALE_SECONDS;
  return {
    status: dbOk && jobsOk ? "ok" : "degraded",
    checkedAt: input.now.toISOString(),
    database: dbOk
      ? { ok: true, driver: input.driver, latencyMs: (input.db as { latencyMs: number }).latencyMs }
      : {
          ok: false,
          driver: input.driver,
          latencyMs: null,
          error: (input.db as { error: string }).error,
        },
    jobs: {
      ok: jobsOk,
      lastHeartbeatAt: input.heartbeat?.at.toISOString() ?? null,
      heartbeatAgeSeconds: age,
      by: input.heartbeat?.by ?? null,
    },
  };
}

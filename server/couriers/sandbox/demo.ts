import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts } from "@/db/schema";
import type { WireRequest } from "../contract";
import { fetchTransport } from "../execute";
import { sandboxAccounts } from "./accounts";
import { createTimelapse, type TimelapseRunner } from "./runner";
import { sandboxState } from "./state";
import type { TimelapseFaults } from "./timelapse-faults";
import type { TimelapseCourier } from "./timelapse-vocab";

type Global = { __expressTimelapse?: { runner: TimelapseRunner; timer: NodeJS.Timeout } };
const g = globalThis as Global;

/** The demo's sandbox account for a courier: `sandbox-<code>`, whose push URL the sandbox calls. */
export const demoAccountId = (courier: string) => `sandbox-${courier}`;

/**
 * Demo mode: run the sandbox's time-lapse in this process, pushing trajectories to the console's
 * own push receiver over HTTP (one simulated hour per real second by default).
 */
export function startDemoTimelapse(db: Db, consoleOrigin: string, factor: number): TimelapseRunner {
  if (g.__expressTimelapse) return g.__expressTimelapse.runner;
  const tokens = new Map<string, string>();
  const runner = createTimelapse({
    startedAt: new Date(),
    factor,
    states: (courier) => sandboxState(courier),
    target: (courier) => {
      const token = tokens.get(courier);
      if (!token) return undefined;
      const url = `${consoleOrigin}/api/couriers/${demoAccountId(courier)}/push?token=${encodeURIComponent(token)}`;
      return { url, credentials: { ...sandboxAccounts[courier] } };
    },
    send: async (request: WireRequest) => {
      await fetchTransport(request, { timeoutMs: 5_000 }).catch(() => undefined);
    },
  });
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      for (const courier of ["sf", "zto", "jt", "kdniao", "kuaidi100"] as const) {
        const [row] = await db
          .select({ token: courierAccounts.pushToken })
          .from(courierAccounts)
          .where(eq(courierAccounts.id, demoAccountId(courier)));
        if (row) tokens.set(courier, row.token);
      }
      await runner.tick(new Date());
    })()
      .catch((error: unknown) => console.error("[sandbox] time-lapse tick failed:", error))
      .finally(() => {
        running = false;
      });
  }, 2_000);
  timer.unref();
  g.__expressTimelapse = { runner, timer };
  return runner;
}

/** Faults currently injected for a sandbox courier (pushes and API answers). */
export function sandboxFaults(courier: string): TimelapseFaults {
  return g.__expressTimelapse?.runner.faults.get(courier as TimelapseCourier) ?? {};
}

export function setSandboxFaults(courier: TimelapseCourier, faults: TimelapseFaults): void {
  g.__expressTimelapse?.runner.faults.set(courier, faults);
}

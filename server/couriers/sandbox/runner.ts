import type { SandboxState, WireRequest } from "../contract";
import {
  applyPushFaults,
  seededRng,
  timelapseFaultsSchema,
  type Rng,
  type TimelapseFaults,
} from "./timelapse-faults";
import {
  buildPushes,
  dueEvents,
  pickScenario,
  simulatedNow,
  timelapseEvents,
  type PushTarget,
  type TimelapseEvent,
} from "./timelapse";
import { TIMELAPSE_COURIERS, type TimelapseCourier } from "./timelapse-vocab";

/**
 * The sandbox's courier-side clock: each tick, every live sandbox waybill's trajectory advances
 * by simulated time and the due events go out as that courier's pushes to the account's push URL,
 * through the account's faults. Pure apart from `send`, so tests drive it tick by tick.
 */
export type TimelapseRunner = {
  tick: (realNow: Date) => Promise<{ pushes: number; events: number }>;
  faults: Map<TimelapseCourier, TimelapseFaults>;
};

export function createTimelapse(opts: {
  startedAt: Date;
  /** Simulated seconds per real second (3600: an hour a second). */
  factor: number;
  states: (courier: TimelapseCourier) => SandboxState | undefined;
  target: (courier: TimelapseCourier) => PushTarget | undefined;
  send: (request: WireRequest) => Promise<void>;
  rng?: Rng;
}): TimelapseRunner {
  const sent = new Map<string, number>();
  const faults = new Map<TimelapseCourier, TimelapseFaults>();
  const rng = opts.rng ?? seededRng(Date.now() % 2_147_483_647);

  async function tick(realNow: Date) {
    const now = simulatedNow(realNow, opts.startedAt, opts.factor);
    let pushes = 0;
    let events = 0;
    for (const courier of TIMELAPSE_COURIERS) {
      const state = opts.states(courier);
      const target = opts.target(courier);
      if (!state || !target) continue;
      const courierFaults = faults.get(courier) ?? {};
      for (const waybill of state.waybills.values()) {
        if (waybill.cancelled) continue;
        const key = `${courier}:${waybill.orderId}`;
        const already = sent.get(key) ?? 0;
        const scenario = {
          name: pickScenario(waybill.orderId),
          courier,
          startAt: simulatedNow(waybill.createdAt, opts.startedAt, opts.factor),
        };
        const due = dueEvents(waybill, scenario, now, already);
        if (due.length === 0) continue;
        const earlier: TimelapseEvent[] = timelapseEvents(waybill, scenario).slice(0, already);
        const requests = applyPushFaults(
          buildPushes(courier, target, due, earlier),
          courierFaults,
          rng,
        );
        for (const request of requests) await opts.send(request);
        if (due.some((e) => e.kind === "collected")) waybill.pickedUp = true;
        sent.set(key, already + due.length);
        pushes += requests.length;
        events += due.length;
      }
    }
    return { pushes, events };
  }

  return { tick, faults };
}

/** Validates fault settings an admin sends for a sandbox courier. */
export function parseFaults(input: unknown): TimelapseFaults {
  return timelapseFaultsSchema.parse(input);
}

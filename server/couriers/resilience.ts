/**
 * How the console calls couriers without making a bad day worse: retries with exponential backoff
 * and full jitter (only for idempotent operations, only for UNAVAILABLE failures), a per-account
 * concurrency limit (courier_accounts.max_concurrency), and a circuit breaker per account that
 * stops hammering a courier that is down and lets one probe through after a cool-down.
 *
 * Everything takes an injectable clock and random source so the behaviour is tested without time.
 */
import { CourierError } from "./contract";

export type Clock = { now(): number; sleep(ms: number): Promise<void> };

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The courierCode of the error a breaker throws while open: never worth retrying at once. */
export const CIRCUIT_OPEN = "CIRCUIT_OPEN";

/** 5xx, timeouts, garbage: the courier did not give an answer. Open-breaker refusals excluded. */
export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof CourierError &&
    error.kind === "UNAVAILABLE" &&
    error.courierCode !== CIRCUIT_OPEN
  );
}

export type RetryOptions = {
  /** Total attempts including the first. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  /**
   * Whether repeating the call is harmless. A non-idempotent call is made exactly once: after a
   * timeout nobody knows whether the courier acted, so blindly repeating it could act twice.
   */
  idempotent: boolean;
  isRetryable?: (error: unknown) => boolean;
  clock?: Clock;
  random?: () => number;
};

/**
 * "Full jitter" (AWS architecture blog): a uniform delay in [0, min(max, base·2^(n-1))) for the
 * n-th retry, so many callers that failed together do not come back together.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number) {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (retry - 1)));
}

export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions,
): Promise<T> {
  const clock = opts.clock ?? realClock;
  const random = opts.random ?? Math.random;
  const retryable = opts.isRetryable ?? isUnavailable;
  const attempts = opts.idempotent ? Math.max(1, opts.attempts) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await clock.sleep(backoffDelay(attempt, opts.baseMs, opts.maxMs, random));
    }
  }
}

/**
 * A counting semaphore per courier account: at most `max` calls in flight from this process.
 * Couriers throttle per account (and some ban an account that floods them), so the limit follows
 * the account, not the batch. The latest `max` given wins, so an edited account applies at once.
 */
export class AccountLimiter {
  private slots = new Map<string, { active: number; max: number; waiting: (() => void)[] }>();

  async run<T>(accountId: string, max: number, fn: () => Promise<T>): Promise<T> {
    const slot = this.slots.get(accountId) ?? { active: 0, max, waiting: [] };
    slot.max = Math.max(1, max);
    this.slots.set(accountId, slot);
    if (slot.active >= slot.max) {
      await new Promise<void>((resolve) => slot.waiting.push(resolve));
    } else {
      slot.active++;
    }
    try {
      return await fn();
    } finally {
      slot.active--;
      while (slot.active < slot.max && slot.waiting.length > 0) {
        slot.active++;
        slot.waiting.shift()!();
      }
      if (slot.active === 0) this.slots.delete(accountId);
    }
  }

  inFlight(accountId: string): number {
    return this.slots.get(accountId)?.active ?? 0;
  }
}

export type BreakerOptions = {
  /** Consecutive UNAVAILABLE failures that open the breaker. */
  failureThreshold: number;
  /** Or: at least `minCalls` calls in the last `windowMs` with a failure share of `failureRate`. */
  windowMs: number;
  minCalls: number;
  failureRate: number;
  /** How long an open breaker refuses before letting one probe through. */
  coolDownMs: number;
  clock: Clock;
};

export const defaultBreakerOptions: BreakerOptions = {
  failureThreshold: 5,
  windowMs: 60_000,
  minCalls: 20,
  failureRate: 0.5,
  coolDownMs: 30_000,
  clock: realClock,
};

export type BreakerState = {
  state: "closed" | "open" | "half-open";
  /** Consecutive failures (or failures in the window when the rate opened it). */
  failures: number;
  openedAt: Date | null;
  /** When an open breaker lets the next probe through. */
  retryAt: Date | null;
};

const shanghaiClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export class CircuitBreaker {
  private mode: "closed" | "open" | "half-open" = "closed";
  private consecutive = 0;
  private failuresAtOpen = 0;
  private outcomes: { at: number; ok: boolean }[] = [];
  private openedAt: number | null = null;
  private probing = false;

  constructor(
    readonly key: string,
    private readonly opts: BreakerOptions = defaultBreakerOptions,
  ) {}

  snapshot(): BreakerState {
    const now = this.opts.clock.now();
    const retryAt = this.openedAt === null ? null : this.openedAt + this.opts.coolDownMs;
    const state =
      this.mode === "open" && retryAt !== null && now >= retryAt ? "half-open" : this.mode;
    return {
      state,
      failures: this.mode === "closed" ? this.consecutive : this.failuresAtOpen,
      openedAt: this.openedAt === null ? null : new Date(this.openedAt),
      retryAt: state === "open" && retryAt !== null ? new Date(retryAt) : null,
    };
  }

  /**
   * Runs `fn` unless the breaker is open. UNAVAILABLE failures count against the courier; any
   * other CourierError means the courier answered (it just said no), so it counts as healthy.
   * Errors that are not courier errors (our own bugs) are not the courier's fault and not counted.
   */
  async call<T>(fn: () => Promise<T>): Promise<T> {
    const probe = this.admit();
    try {
      const result = await fn();
      this.record(true, probe);
      return result;
    } catch (error) {
      if (isUnavailable(error)) this.record(false, probe);
      else if (error instanceof CourierError) this.record(true, probe);
      else if (probe) this.probing = false;
      throw error;
    }
  }

  /** Throws while open; returns whether this call is the half-open probe. */
  private admit(): boolean {
    if (this.mode === "closed") return false;
    const now = this.opts.clock.now();
    const retryAt = (this.openedAt ?? now) + this.opts.coolDownMs;
    if (this.mode === "open" && now >= retryAt) this.mode = "half-open";
    if (this.mode === "half-open" && !this.probing) {
      this.probing = true;
      return true;
    }
    throw this.openError(this.mode === "half-open" ? now : retryAt);
  }

  private record(ok: boolean, probe: boolean) {
    const now = this.opts.clock.now();
    if (probe) {
      this.probing = false;
      if (ok) this.close();
      else this.open(now, this.failuresAtOpen + 1);
      return;
    }
    if (this.mode !== "closed") return;
    this.outcomes.push({ at: now, ok });
    while (this.outcomes.length > 0 && this.outcomes[0]!.at <= now - this.opts.windowMs) {
      this.outcomes.shift();
    }
    this.consecutive = ok ? 0 : this.consecutive + 1;
    const failed = this.outcomes.filter((o) => !o.ok).length;
    if (this.consecutive >= this.opts.failureThreshold) this.open(now, this.consecutive);
    else if (
      this.outcomes.length >= this.opts.minCalls &&
      failed / this.outcomes.length >= this.opts.failureRate
    ) {
      this.open(now, failed);
    }
  }

  private open(now: number, failures: number) {
    this.mode = "open";
    this.openedAt = now;
    this.failuresAtOpen = failures;
  }

  private close() {
    this.mode = "closed";
    this.consecutive = 0;
    this.failuresAtOpen = 0;
    this.outcomes = [];
    this.openedAt = null;
  }

  private openError(retryAt: number): CourierError {
    return new CourierError(
      "UNAVAILABLE",
      CIRCUIT_OPEN,
      `circuit open for courier account ${this.key} after ${this.failuresAtOpen} failed calls: ` +
        `calls are paused until ${shanghaiClock.format(new Date(retryAt))} (Asia/Shanghai); ` +
        "retry then or move the parcels to another account",
    );
  }
}

/** One breaker per courier account, created on first use. */
export class BreakerRegistry {
  private map = new Map<string, CircuitBreaker>();

  constructor(private readonly opts: BreakerOptions = defaultBreakerOptions) {}

  for(accountId: string): CircuitBreaker {
    let breaker = this.map.get(accountId);
    if (!breaker) {
      breaker = new CircuitBreaker(accountId, this.opts);
      this.map.set(accountId, breaker);
    }
    return breaker;
  }

  stateOf(accountId: string): BreakerState {
    return (
      this.map.get(accountId)?.snapshot() ?? {
        state: "closed",
        failures: 0,
        openedAt: null,
        retryAt: null,
      }
    );
  }

  all(): Record<string, BreakerState> {
    return Object.fromEntries([...this.map.keys()].map((k) => [k, this.stateOf(k)]));
  }

  reset(accountId?: string) {
    if (accountId === undefined) this.map.clear();
    else this.map.delete(accountId);
  }
}

/**
 * Process-wide instances, on globalThis because Next.js may load this module more than once (the
 * job worker started from instrumentation and the API routes), and the UI must see the breakers
 * the worker trips. With workers in separate processes (`npm run worker`) each process has its own.
 */
type Global = { __expressBreakers?: BreakerRegistry; __expressLimiters?: AccountLimiter };
const g = globalThis as Global;
export const breakers: BreakerRegistry = (g.__expressBreakers ??= new BreakerRegistry());
export const limiters: AccountLimiter = (g.__expressLimiters ??= new AccountLimiter());

import type {
  CallContext,
  CourierAccountConfig,
  Operation,
  WireRequest,
  WireResponse,
} from "./contract";
import { CourierError } from "./contract";

/** Sends a wire request; real code uses fetch, tests and the sandbox pass an in-process function. */
export type Transport = (
  request: WireRequest,
  opts: { timeoutMs: number },
) => Promise<WireResponse>;

export const fetchTransport: Transport = async (request, { timeoutMs }) => {
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === "GET" ? undefined : request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new CourierError(
      "UNAVAILABLE",
      timedOut ? "TIMEOUT" : "NETWORK",
      timedOut ? `courier did not answer within ${timeoutMs} ms` : "courier unreachable",
    );
  }
};

/** Runs one operation over a transport: build, send, parse. Retries live a level above. */
export async function execute<I, O>(
  op: Operation<I, O>,
  input: I,
  account: CourierAccountConfig,
  transport: Transport,
  ctx: CallContext = { now: new Date(), requestId: crypto.randomUUID() },
  timeoutMs = 10_000,
): Promise<O> {
  const request = op.build(input, account, ctx);
  const response = await transport(request, { timeoutMs });
  if (response.status >= 500) {
    throw new CourierError(
      "UNAVAILABLE",
      `HTTP_${response.status}`,
      `courier answered HTTP ${response.status}`,
    );
  }
  return op.parse(response, input, account);
}

import type { Db } from "@/db/client";
import { authenticateApiKey, type AuthenticatedApiKey } from "@/server/api-keys/service";
import type { OrderActor } from "@/server/orders/service";
import { isValidIdempotencyKey, requestHash, withIdempotency } from "./idempotency";
import { apiProblem, problemForError, unauthorized } from "./problems";

/**
 * The REST v1 plumbing, kept free of Next so tests can call it with plain `Request`s: key check
 * and rate limit, body limits and parsing, idempotency, and the one error → problem mapping.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export type ApiDeps = {
  db: Db;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Requests per key per minute; defaults to the configured limit. */
  rateLimitPerMinute?: number;
};

export type ApiContext = {
  db: Db;
  key: AuthenticatedApiKey;
  /** How changes made through this key appear in order history. */
  actor: OrderActor;
  url: URL;
  /** The parsed JSON body of a POST; undefined for GET. */
  body: unknown;
};

export type ApiResult = { status: number; body: unknown };

export type ApiHandler<P> = (deps: ApiDeps, request: Request, params: P) => Promise<Response>;

/** `Authorization: Bearer <key>`, or `X-Api-Key: <key>` for clients that cannot set the former. */
export function presentedKey(headers: Headers): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  if (bearer?.[1]) return bearer[1];
  return headers.get("x-api-key")?.trim() || null;
}

function isJsonMediaType(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);
}

type BodyRead = { ok: true; value: unknown } | { ok: false; response: Response };

const tooLarge = (max: number) => apiProblem(413, `The request body is larger than ${max} bytes`);

/**
 * Reads a JSON body with a hard size cap. Content-Length is checked first so an honest large
 * upload is refused without reading it; the bytes are counted too, because the header may be
 * absent (chunked) or wrong.
 */
export async function readJsonBody(request: Request, max = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) return { ok: false, response: tooLarge(max) };
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    return {
      ok: false,
      response: apiProblem(415, "Send the body as JSON with Content-Type: application/json"),
    };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return { ok: false, response: tooLarge(max) };
    }
    chunks.push(value);
  }
  if (size === 0) {
    return {
      ok: false,
      response: apiProblem(400, "The request body is empty; send a JSON object"),
    };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const why = error instanceof SyntaxError ? `: ${error.message}` : " (not UTF-8)";
    return { ok: false, response: apiProblem(400, `The request body is not valid JSON${why}`) };
  }
}

async function run<P>(
  fn: (ctx: ApiContext, params: P) => Promise<ApiResult>,
  ctx: ApiContext,
  params: P,
): Promise<Response> {
  try {
    const result = await fn(ctx, params);
    return Response.json(result.body, {
      status: result.status,
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return problemForError(error);
  }
}

/** Wraps one REST operation: `fn` sees an authenticated key and a parsed body, nothing else. */
export function apiRoute<P = Record<string, never>>(
  fn: (ctx: ApiContext, params: P) => Promise<ApiResult>,
): ApiHandler<P> {
  return async (deps, request, params) => {
    try {
      const now = deps.now?.() ?? new Date();
      const raw = presentedKey(request.headers);
      if (!raw) return unauthorized("Send your API key as `Authorization: Bearer <key>`");
      const auth = await authenticateApiKey(deps.db, raw, now, deps.rateLimitPerMinute);
      if (!auth) return unauthorized("The API key is invalid or revoked", "invalid_token");
      const resetSeconds = Math.max(1, Math.ceil((auth.resetAt.getTime() - now.getTime()) / 1000));
      const rateHeaders = {
        "ratelimit-limit": String(auth.limit),
        "ratelimit-remaining": String(auth.remaining),
        "ratelimit-reset": String(resetSeconds),
      };
      if (auth.limited) {
        return apiProblem(429, `More than ${auth.limit} requests per minute with this key`, {
          headers: { "retry-after": String(resetSeconds), ...rateHeaders },
        });
      }

      const method = request.method.toUpperCase();
      let body: unknown;
      if (method !== "GET" && method !== "HEAD") {
        const read = await readJsonBody(request);
        if (!read.ok) return read.response;
        body = read.value;
      }
      const url = new URL(request.url);
      const ctx: ApiContext = {
        db: deps.db,
        key: auth.key,
        actor: { userId: null, label: `api:${auth.key.id}` },
        url,
        body,
      };
      const idempotencyKey = method === "POST" ? request.headers.get("idempotency-key") : null;
      let response: Response;
      if (idempotencyKey === null) {
        response = await run(fn, ctx, params);
      } else if (!isValidIdempotencyKey(idempotencyKey)) {
        response = apiProblem(400, "Idempotency-Key must be 1–255 printable ASCII characters");
      } else {
        const hash = requestHash(method, url.pathname + url.search, body);
        response = await withIdempotency(
          deps.db,
          { apiKeyId: auth.key.id, key: idempotencyKey, hash, now },
          () => run(fn, ctx, params),
        );
      }
      for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
      return response;
    } catch (error) {
      return problemForError(error);
    }
  };
}

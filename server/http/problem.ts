import type { WireRequest, WireResponse } from "@/server/couriers/contract";

/**
 * RFC 9457 problem details: the one error shape of every REST endpoint.
 * `errors` lists field-level problems for validation failures.
 */
export function problem(
  status: number,
  title: string,
  extra: {
    detail?: string;
    type?: string;
    errors?: { field: string; message: string }[];
    headers?: Record<string, string>;
  } = {},
): Response {
  const { headers, ...rest } = extra;
  return new Response(
    JSON.stringify({ type: rest.type ?? "about:blank", title, status, ...rest }),
    {
      status,
      headers: {
        "content-type": "application/problem+json",
        "cache-control": "no-store",
        ...headers,
      },
    },
  );
}

/** A Fetch request as the byte-exact wire request drivers and sandboxes work with. */
export async function toWireRequest(request: Request): Promise<WireRequest> {
  return {
    method: request.method === "GET" ? "GET" : "POST",
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: request.method === "GET" ? "" : await request.text(),
  };
}

export function fromWireResponse(response: WireResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}

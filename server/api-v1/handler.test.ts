import { describe, expect, it } from "vitest";
import { presentedKey, readJsonBody } from "./handler";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/orders", { method: "POST", body, headers });

async function refusal(read: Awaited<ReturnType<typeof readJsonBody>>) {
  if (read.ok) throw new Error("expected a refusal");
  return { status: read.response.status, body: (await read.response.json()) as { detail: string } };
}

/** A body sent in chunks with no Content-Length, as a streaming client would. */
function chunked(size: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(64 * 1024, size - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return new Request("http://localhost/api/v1/orders", {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
}

describe("reading the API key", () => {
  it("takes a Bearer token, or X-Api-Key", () => {
    expect(presentedKey(new Headers({ authorization: "Bearer ek_live_abc" }))).toBe("ek_live_abc");
    expect(presentedKey(new Headers({ authorization: "bearer  ek_live_abc " }))).toBe(
      "ek_live_abc",
    );
    expect(presentedKey(new Headers({ "x-api-key": "ek_live_abc" }))).toBe("ek_live_abc");
    expect(presentedKey(new Headers({ authorization: "Basic eDp5" }))).toBeNull();
    expect(presentedKey(new Headers())).toBeNull();
  });
});

describe("reading a JSON body", () => {
  it("parses JSON sent as application/json (charset and +json too)", async () => {
    expect(await readJsonBody(post('{"a":1}', { "content-type": "application/json" }))).toEqual({
      ok: true,
      value: { a: 1 },
    });
    const v = await readJsonBody(post("[]", { "content-type": "application/merge-patch+json" }));
    expect(v.ok).toBe(true);
    const c = await readJsonBody(post("{}", { "content-type": "Application/JSON; charset=utf-8" }));
    expect(c.ok).toBe(true);
  });

  it("refuses other media types with 415", async () => {
    expect(
      (await refusal(await readJsonBody(post("a=1", { "content-type": "text/plain" })))).status,
    ).toBe(415);
    expect((await refusal(await readJsonBody(post("{}")))).status).toBe(415);
  });

  it("refuses malformed, empty and non-UTF-8 bodies with 400", async () => {
    const json = { "content-type": "application/json" };
    expect((await refusal(await readJsonBody(post("{", json)))).status).toBe(400);
    expect((await refusal(await readJsonBody(post("", json)))).status).toBe(400);
    const latin1 = new Uint8Array([0x22, 0xff, 0x22]);
    expect((await refusal(await readJsonBody(post(latin1, json)))).status).toBe(400);
  });

  it("refuses more than the limit by Content-Length, and by bytes actually read", async () => {
    const honest = post("{}", { "content-type": "application/json", "content-length": "2000000" });
    expect((await refusal(await readJsonBody(honest))).status).toBe(413);
    const streamed = await refusal(await readJsonBody(chunked(1024 * 1024 + 1)));
    expect(streamed.status).toBe(413);
    // Exactly at the limit is read (and then fails only as JSON: it is all spaces).
    expect((await refusal(await readJsonBody(chunked(1024 * 1024)))).status).toBe(400);
  });
});

import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/server/errors";
import { problemForError, zodFieldErrors } from "./problems";

const schema = z.object({
  items: z.array(z.object({ quantity: z.int().min(1) })).min(1),
  recipient: z.object({ name: z.string().min(1) }),
});

describe("REST problem mapping", () => {
  it("turns zod issues into dotted field paths", () => {
    const result = schema.safeParse({ items: [{ quantity: 1 }, { quantity: 0 }], recipient: {} });
    expect(result.success).toBe(false);
    expect(zodFieldErrors(result.error!).map((e) => e.field)).toEqual([
      "items.1.quantity",
      "recipient.name",
    ]);
    const root = z.object({}).safeParse([]);
    expect(zodFieldErrors(root.error!)[0]?.field).toBe("(root)");
  });

  it("answers a zod error with 422 problem+json listing the fields", async () => {
    const error = schema.safeParse({ items: [], recipient: { name: "x" } }).error!;
    const res = problemForError(error);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toEqual({
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "The request is invalid",
      errors: [{ field: "items", message: expect.any(String) as unknown }],
    });
  });

  it("maps domain errors to their statuses, INVALID with its fields", async () => {
    const invalid = problemForError(
      new DomainError("INVALID", "bad address", {
        fields: { "recipient.address": "cannot find the county" },
      }),
    );
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      detail: "bad address",
      errors: [{ field: "recipient.address", message: "cannot find the county" }],
    });
    expect(problemForError(new DomainError("NOT_FOUND", "no")).status).toBe(404);
    expect(problemForError(new DomainError("CONFLICT", "no")).status).toBe(409);
    expect(problemForError(new DomainError("FORBIDDEN", "no")).status).toBe(403);
    const unauth = problemForError(new DomainError("UNAUTHENTICATED", "no"));
    expect(unauth.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("answers anything else with a bare 500 that leaks neither message nor stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = problemForError(new Error("password=hunter2 at db.ts:12"));
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("db.ts");
    expect(JSON.parse(text)).toEqual({
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      detail: "An unexpected error occurred",
    });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing/test-db";
import { can, roles } from "@/server/auth/permissions";
import { anonymousCaller, callerAs } from "@/server/testing/callers";
import { appRouter } from "./routers/_app";
import type { Meta } from "./init";

const t = withTestDb();

type AnyProcedure = { _def: { meta?: Meta; type: string } };
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
);

/** Calls a procedure by dotted path with an input that is wrong on purpose: auth must fail first. */
async function call(caller: object, path: string) {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller);
  return (fn as (input: unknown) => Promise<unknown>)(undefined);
}

describe("every procedure is guarded", () => {
  it("the router has procedures to check", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(procedures.map(([path]) => path))(
    "%s refuses an anonymous caller with 401",
    async (path) => {
      await expect(call(anonymousCaller(t.current.db), path)).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    },
  );

  const matrix = procedures.flatMap(([path, proc]) =>
    roles.map((role) => ({ path, role, permission: proc._def.meta?.permission })),
  );
  it.each(matrix)(
    "$path as $role follows the permission table",
    async ({ path, role, permission }) => {
      const { caller } = await callerAs(t.current.db, role);
      const outcome = call(caller, path);
      if (permission && !can(role, permission)) {
        await expect(outcome).rejects.toMatchObject({ code: "FORBIDDEN" });
      } else {
        // Allowed through auth: it may still fail on the deliberately missing input, but not with 401/403.
        const error = await outcome.then(
          () => null,
          (e: { code?: string }) => e,
        );
        expect(error?.code).not.toBe("FORBIDDEN");
        expect(error?.code).not.toBe("UNAUTHORIZED");
      }
    },
  );

  it("user management and audit declare their permissions", () => {
    const declared = Object.fromEntries(
      procedures.map(([p, proc]) => [p, proc._def.meta?.permission]),
    );
    expect(declared["users.create"]).toBe("users.manage");
    expect(declared["users.resetPassword"]).toBe("users.manage");
    expect(declared["audit.list"]).toBe("audit.view");
    expect(declared["me.get"]).toBeUndefined();
  });
});

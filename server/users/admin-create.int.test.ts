import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { createAdmin } from "./admin-create";

const t = withTestDb();

describe("admin:create", () => {
  it("creates an active admin, audited as done by the system", async () => {
    const user = await createAdmin(t.current.db, {
      email: "Boss@Company.cn",
      password: "first-admin-pw",
    });
    expect(user).toMatchObject({ email: "boss@company.cn", role: "admin", active: true });
    const [entry] = await t.current.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, user.id));
    expect(entry).toMatchObject({ action: "user.create", actorId: null });
  });

  it("refuses a short password, a bad email and an existing account", async () => {
    await expect(
      createAdmin(t.current.db, { email: "x@company.cn", password: "short" }),
    ).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(
      createAdmin(t.current.db, { email: "nope", password: "long-enough-pw" }),
    ).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(
      createAdmin(t.current.db, { email: "boss@company.cn", password: "long-enough-pw" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

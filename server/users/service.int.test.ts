import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, sessions, accounts } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { callerAs } from "@/server/testing/callers";

const t = withTestDb();

async function auditFor(entityId: string) {
  return t.current.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(auditLog.id);
}

describe("user management", () => {
  it("creates a user with a hashed password and an audit entry", async () => {
    const { caller, user: admin } = await callerAs(t.current.db, "admin");
    const created = await caller.users.create({
      name: "  王小明 ",
      email: "Wang@Example.COM",
      role: "warehouse",
      password: "long-enough",
    });
    expect(created).toMatchObject({
      name: "王小明",
      email: "wang@example.com",
      role: "warehouse",
      active: true,
    });
    const [account] = await t.current.db
      .select()
      .from(accounts)
      .where(eq(accounts.userId, created.id));
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain("long-enough");
    const entries = await auditFor(created.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "user.create",
      actorId: admin.id,
      before: null,
      after: { name: "王小明", email: "wang@example.com", role: "warehouse", active: true },
    });
    expect(JSON.stringify(entries[0])).not.toContain("long-enough");
  });

  it("refuses a duplicate email with a field error and writes nothing", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    await caller.users.create({
      name: "A",
      email: "dup@example.com",
      role: "cs",
      password: "password1",
    });
    const before = await t.current.db.select().from(auditLog);
    await expect(
      caller.users.create({
        name: "B",
        email: "DUP@example.com",
        role: "cs",
        password: "password1",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.current.db.select().from(auditLog)).toHaveLength(before.length);
  });

  it("rejects bad input with field errors", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    await expect(
      caller.users.create({ name: "", email: "not-an-email", role: "cs", password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("changes a role and records before and after", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    const u = await caller.users.create({
      name: "C",
      email: "c@example.com",
      role: "cs",
      password: "password1",
    });
    const updated = await caller.users.update({ id: u.id, role: "manager" });
    expect(updated.role).toBe("manager");
    const entries = await auditFor(u.id);
    expect(entries.at(-1)).toMatchObject({
      action: "user.update",
      before: { role: "cs" },
      after: { role: "manager" },
    });
  });

  it("deactivates (ending sessions), reactivates, and audits both", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    const u = await caller.users.create({
      name: "D",
      email: "d@example.com",
      role: "cs",
      password: "password1",
    });
    await t.current.db.insert(sessions).values({
      id: "s-d",
      token: "tok-d",
      userId: u.id,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect((await caller.users.deactivate({ id: u.id })).active).toBe(false);
    expect(
      await t.current.db.select().from(sessions).where(eq(sessions.userId, u.id)),
    ).toHaveLength(0);
    expect((await caller.users.reactivate({ id: u.id })).active).toBe(true);
    const actions = (await auditFor(u.id)).map((e) => e.action);
    expect(actions).toEqual(["user.create", "user.deactivate", "user.reactivate"]);
  });

  it("resets a password: new hash, sessions ended, audited without the secret", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    const u = await caller.users.create({
      name: "E",
      email: "e@example.com",
      role: "cs",
      password: "password1",
    });
    const [before] = await t.current.db.select().from(accounts).where(eq(accounts.userId, u.id));
    await caller.users.resetPassword({ id: u.id, password: "another-password" });
    const [after] = await t.current.db.select().from(accounts).where(eq(accounts.userId, u.id));
    expect(after?.password).not.toEqual(before?.password);
    const [entry] = await t.current.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, "user.reset_password")));
    expect(entry?.after).toEqual({ passwordReset: true, sessionsRevoked: true });
  });

  it("protects the admin's own account and the last active admin", async () => {
    const db = t.current.db;
    const { caller, user: me } = await callerAs(db, "admin");
    await expect(caller.users.deactivate({ id: me.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    await expect(caller.users.update({ id: me.id, role: "cs" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    await expect(caller.users.update({ id: "missing", name: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists users without secrets", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    const list = await caller.users.list();
    expect(list.length).toBeGreaterThan(0);
    expect(Object.keys(list[0]!).sort()).toEqual([
      "active",
      "createdAt",
      "email",
      "id",
      "locale",
      "name",
      "role",
    ]);
  });
});

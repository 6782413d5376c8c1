import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, count, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { users } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import type { SessionUser } from "@/server/auth/session";
import { DomainError } from "@/server/errors";
import * as q from "./queries";
import type { CreateUserInput, UserRow } from "./schemas";

type Actor = Pick<SessionUser, "id">;

function snapshot(u: UserRow) {
  return { name: u.name, email: u.email, role: u.role, active: u.active };
}

async function mustFind(tx: Db | Tx, id: string) {
  const user = await q.findUser(tx, id);
  if (!user)
    throw new DomainError("NOT_FOUND", "User not found", { messageKey: "users.errors.notFound" });
  return user;
}

/** Refuses a change that would leave the console with no active admin to manage it. */
async function assertOtherActiveAdmin(tx: Db | Tx, exceptId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, exceptId)));
  if (!row || row.n === 0) {
    throw new DomainError("INVALID", "This is the last active admin", {
      messageKey: "users.errors.lastAdmin",
    });
  }
}

export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await q.findUserByEmail(tx, input.email)) {
      throw new DomainError("CONFLICT", "A user with this email exists", {
        messageKey: "users.errors.emailTaken",
        fields: { email: "users.errors.emailTaken" },
      });
    }
    const id = randomUUID();
    await q.insertUserWithPassword(tx, { id, ...input, passwordHash });
    const created = await mustFind(tx, id);
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      action: "user.create",
      entityType: "user",
      entityId: id,
      after: snapshot(created),
    });
    return created;
  });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  input: { id: string; name?: string; role?: UserRow["role"] },
) {
  return db.transaction(async (tx) => {
    const before = await mustFind(tx, input.id);
    if (input.role && input.role !== before.role) {
      if (input.id === actor.id) {
        throw new DomainError("INVALID", "You cannot change your own role", {
          messageKey: "users.errors.ownRole",
        });
      }
      if (before.role === "admin" && before.active) await assertOtherActiveAdmin(tx, input.id);
    }
    await q.updateUser(tx, input.id, { name: input.name, role: input.role });
    const after = await mustFind(tx, input.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      entityType: "user",
      entityId: input.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function setUserActive(db: Db, actor: Actor, id: string, active: boolean) {
  return db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    if (!active) {
      if (id === actor.id) {
        throw new DomainError("INVALID", "You cannot deactivate yourself", {
          messageKey: "users.errors.self",
        });
      }
      if (before.role === "admin" && before.active) await assertOtherActiveAdmin(tx, id);
      await q.deleteSessionsOf(tx, id);
    }
    await q.updateUser(tx, id, { active });
    const after = await mustFind(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Sets a new password and ends the user's sessions; the audit records that it happened, never the hash. */
export async function resetPassword(db: Db, actor: Actor, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await mustFind(tx, id);
    await q.setPasswordHash(tx, id, passwordHash);
    await q.deleteSessionsOf(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.reset_password",
      entityType: "user",
      entityId: id,
      after: { passwordReset: true, sessionsRevoked: true },
    });
  });
}

export async function setOwnLocale(db: Db, actor: Actor, locale: UserRow["locale"]) {
  await q.updateUser(db, actor.id, { locale });
}

/** Sign out everywhere: every session of the user ends, including this one. */
export async function revokeOwnSessions(db: Db, actor: Actor) {
  await db.transaction(async (tx) => {
    await q.deleteSessionsOf(tx, actor.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "session.revoke_all",
      entityType: "user",
      entityId: actor.id,
    });
  });
}

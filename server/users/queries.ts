import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, sessions, users } from "@/db/schema";

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  locale: users.locale,
  createdAt: users.createdAt,
};

export function listUsers(db: Db | Tx) {
  return db.select(userColumns).from(users).orderBy(asc(users.createdAt), asc(users.email));
}

export async function findUser(db: Db | Tx, id: string) {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Db | Tx, email: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function insertUserWithPassword(
  tx: Db | Tx,
  params: {
    id: string;
    name: string;
    email: string;
    role: (typeof users.$inferInsert)["role"];
    passwordHash: string;
  },
) {
  await tx.insert(users).values({
    id: params.id,
    name: params.name,
    email: params.email,
    role: params.role,
    emailVerified: true,
  });
  await tx.insert(accounts).values({
    id: params.id,
    accountId: params.id,
    providerId: "credential",
    userId: params.id,
    password: params.passwordHash,
  });
}

export function updateUser(
  tx: Db | Tx,
  id: string,
  patch: Partial<Pick<typeof users.$inferInsert, "name" | "role" | "active" | "locale">>,
) {
  return tx
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export function setPasswordHash(tx: Db | Tx, userId: string, passwordHash: string) {
  return tx
    .update(accounts)
    .set({ password: passwordHash, updatedAt: new Date() })
    .where(eq(accounts.userId, userId));
}

export function deleteSessionsOf(tx: Db | Tx, userId: string) {
  return tx.delete(sessions).where(eq(sessions.userId, userId));
}

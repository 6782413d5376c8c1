import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import type { Role } from "@/server/auth/permissions";
import type { AppSession } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/routers/_app";
import { createUser } from "@/server/users/service";

/** Creates a staff member of `role` and returns a tRPC caller acting as them. */
export async function callerAs(db: Db, role: Role) {
  const user = await createUser(db, null, {
    name: `${role} ${randomUUID().slice(0, 6)}`,
    email: `${role}-${randomUUID().slice(0, 8)}@test.local`,
    role,
    password: "test-password",
  });
  const session: AppSession = {
    sessionId: randomUUID(),
    user: { id: user.id, name: user.name, email: user.email, role, locale: "zh-CN" },
  };
  return { user, caller: createCaller({ db, session, courierKey: testCourierKey }) };
}

export function anonymousCaller(db: Db) {
  return createCaller({ db, session: null, courierKey: testCourierKey });
}

/** One key per test process, as the console has one per deployment. */
export const testCourierKey = randomBytes(32);

import type { Db } from "../client";
import type { Role } from "@/server/auth/permissions";
import { findUserByEmail } from "@/server/users/queries";
import { createUser } from "@/server/users/service";

export const DEMO_PASSWORD = "demo-password";

export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.local", name: "管理员 Admin", role: "admin" },
  { email: "manager@demo.local", name: "李经理 Manager", role: "manager" },
  { email: "warehouse@demo.local", name: "王仓管 Warehouse", role: "warehouse" },
  { email: "cs@demo.local", name: "陈客服 CS", role: "cs" },
];

/** Seeds what is missing of the demo; returns whether anything was written. Safe to run on every start. */
export async function seedDemo(db: Db): Promise<boolean> {
  let wrote = false;
  for (const u of demoUsers) {
    if (await findUserByEmail(db, u.email)) continue;
    await createUser(db, null, { ...u, password: DEMO_PASSWORD });
    wrote = true;
  }
  return wrote;
}

import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { courierAccounts } from "../schema";
import type { Role } from "@/server/auth/permissions";
import { findUserByEmail } from "@/server/users/queries";
import { createUser } from "@/server/users/service";
import { createAccount } from "@/server/couriers/accounts";
import { findCourier } from "@/server/couriers/catalog";
import { sandboxAccounts } from "@/server/couriers/sandbox/accounts";
import { seedDemoCommerce } from "./demo-commerce";
import { seedDemoFreight } from "./demo-freight";

export const DEMO_PASSWORD = "demo-password";

export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.local", name: "管理员 Admin", role: "admin" },
  { email: "manager@demo.local", name: "李经理 Manager", role: "manager" },
  { email: "warehouse@demo.local", name: "王仓管 Warehouse", role: "warehouse" },
  { email: "cs@demo.local", name: "陈客服 CS", role: "cs" },
];

/** Seeds what is missing of the demo; returns whether anything was written. Safe to run on every start. */
export async function seedDemo(db: Db, courierKey: Buffer): Promise<boolean> {
  let wrote = false;
  for (const u of demoUsers) {
    if (await findUserByEmail(db, u.email)) continue;
    await createUser(db, null, { ...u, password: DEMO_PASSWORD });
    wrote = true;
  }
  // One sandbox account per built-in driver, talking to the console's own courier sandbox.
  for (const [courier, credentials] of Object.entries(sandboxAccounts)) {
    const id = `sandbox-${courier}`;
    const [exists] = await db
      .select({ id: courierAccounts.id })
      .from(courierAccounts)
      .where(eq(courierAccounts.id, id));
    if (exists) continue;
    const name = `${findCourier(courier)?.nameZh ?? courier} 沙箱`;
    await createAccount(db, courierKey, null, {
      id,
      courier,
      name,
      environment: "sandbox",
      credentials,
    });
    wrote = true;
  }
  if (await seedDemoCommerce(db)) wrote = true;
  if (await seedDemoFreight(db)) wrote = true;
  return wrote;
}

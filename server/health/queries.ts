import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { heartbeats } from "@/db/schema";

export async function recordHeartbeat(db: Db | Tx, mark: { name: string; by: string }) {
  const at = new Date();
  await db
    .insert(heartbeats)
    .values({ ...mark, at })
    .onConflictDoUpdate({ target: heartbeats.name, set: { at, by: mark.by } });
}

export async function readHeartbeat(db: Db | Tx, name: string) {
  const [row] = await db.select().from(heartbeats).where(eq(heartbeats.name, name));
  return row;
}

export async function pingDatabase(db: Db | Tx): Promise<void> {
  await db.execute(sql`select 1`);
}

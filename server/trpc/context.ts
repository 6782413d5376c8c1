import { readSession } from "@/server/auth/session";
import { getRuntime } from "@/server/runtime";
import type { Context } from "./init";

export async function createContext(headers: Headers): Promise<Context> {
  const { auth, db, courierKey } = await getRuntime();
  return { db, courierKey, session: await readSession(auth, db, headers) };
}

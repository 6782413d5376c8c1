import { getDbHandle, type Db, type DbHandle } from "@/db/client";
import { createAuth, type Auth } from "./auth/auth";
import { authSecret, courierSecretKey } from "./auth/secret";
import { env } from "./env";

export type Runtime = {
  handle: DbHandle;
  db: Db;
  auth: Auth;
  /** AES-256 key for courier credentials at rest. */
  courierKey: Buffer;
};

type Global = { __expressRuntime?: Promise<Runtime> };
const g = globalThis as Global;

/** The process-wide database and auth instance, created once (see db/client.ts for why globalThis). */
export function getRuntime(): Promise<Runtime> {
  g.__expressRuntime ??= (async () => {
    const handle = await getDbHandle();
    const auth = createAuth({
      db: handle.db,
      secret: authSecret(),
      baseURL: env.APP_URL,
      signInPerMinute: env.SIGNIN_RATE_LIMIT,
    });
    return { handle, db: handle.db, auth, courierKey: courierSecretKey() };
  })();
  return g.__expressRuntime;
}

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The auth secret: AUTH_SECRET when given. The embedded database generates one once into its data
 * folder so a first run needs no setup; a real PostgreSQL deployment must set it, because several
 * processes (web, workers) have to agree on it.
 */
export function resolveAuthSecret(opts: {
  explicit: string | undefined;
  embeddedDataDir: string | null;
}): string {
  if (opts.explicit) return opts.explicit;
  if (!opts.embeddedDataDir) {
    throw new Error("AUTH_SECRET is required when DATABASE_URL is set (32+ random characters).");
  }
  const file = path.join(path.dirname(path.resolve(opts.embeddedDataDir)), "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

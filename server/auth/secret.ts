import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/server/env";

/**
 * A process secret (auth signing, courier credential key): the environment's value when given.
 * The embedded database generates one once into the folder beside its data, so a first run needs
 * no setup; a real PostgreSQL deployment must set it, because several processes (web, workers)
 * have to agree on it.
 */
export function resolveProcessSecret(opts: {
  envName: string;
  explicit: string | undefined;
  embeddedDataDir: string | null;
  file: string;
}): string {
  if (opts.explicit) return opts.explicit;
  if (!opts.embeddedDataDir) {
    throw new Error(
      `${opts.envName} is required when DATABASE_URL is set (32 random bytes, base64).`,
    );
  }
  const file = path.join(path.dirname(path.resolve(opts.embeddedDataDir)), opts.file);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

/** Where the embedded database keeps its generated secrets; null on PostgreSQL (env must set them). */
function embeddedDataDir(): string | null {
  return env.DATABASE_URL ? null : env.PGLITE_DIR;
}

/** The auth signing secret of this deployment. */
export function authSecret(): string {
  return resolveProcessSecret({
    envName: "AUTH_SECRET",
    explicit: env.AUTH_SECRET,
    embeddedDataDir: embeddedDataDir(),
    file: "auth-secret",
  });
}

let courierKey: Buffer | undefined;

/**
 * AES-256 key for courier credentials at rest, resolved once per process. Its own function (not
 * part of the runtime) so job workers get it without loading the auth library, which adds ~60 MB
 * to a process.
 */
export function courierSecretKey(): Buffer {
  courierKey ??= Buffer.from(
    resolveProcessSecret({
      envName: "COURIER_SECRET_KEY",
      explicit: env.COURIER_SECRET_KEY,
      embeddedDataDir: embeddedDataDir(),
      file: "courier-key",
    }),
    "base64",
  );
  return courierKey;
}

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

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

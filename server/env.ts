import { z } from "zod";

/**
 * The validated environment. Everything else reads configuration through `env`, never
 * `process.env`, so a typo or a bad value fails at start-up with a clear message.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set: run on this PostgreSQL server. Unset: run on embedded PGlite in PGLITE_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  /** Seed demo data. Defaults to on for the embedded database, off for a real server. */
  DEMO: z.enum(["0", "1"]).optional(),
  /** Run job workers inside the web process (default). Turn off when `npm run worker` scales out. */
  JOBS_IN_PROCESS: z.enum(["0", "1"]).default("1"),
  /** Sign-in attempts per minute per client IP. */
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Base64 of 32 random bytes: the AES-256-GCM key for courier credentials at rest. */
  COURIER_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be base64 of 32 bytes")
    .optional(),
  /** Demo courier sandbox: simulated seconds per real second (3600 = an hour a second). */
  SANDBOX_TIMELAPSE: z.coerce.number().min(1).max(86_400).default(3600),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin of the console, e.g. https://express.example.com; inferred from requests if unset. */
  APP_URL: z.url().optional(),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = load();

export const demoMode = env.DEMO ? env.DEMO === "1" : !env.DATABASE_URL;

/** Where this process can reach itself (e.g. the built-in courier sandbox for sandbox accounts). */
export const selfOrigin = env.APP_URL?.replace(/\/+$/, "") ?? `http://127.0.0.1:${env.PORT}`;

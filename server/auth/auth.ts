import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, rateLimits, sessions, users, verifications } from "@/db/schema";
import { sessionPolicy } from "./permissions";

export type AuthOptions = {
  db: Db;
  secret: string;
  baseURL?: string;
  /** Requests per minute per client IP on the sign-in endpoint. */
  signInPerMinute?: number;
};

/**
 * better-auth with database sessions: sliding idle expiry (`expiresIn` refreshed every
 * `updateAge`), an absolute cap enforced in `getSession`, sign-up closed (admins create staff),
 * deactivated users refused at sign-in, and sign-in rate limited in the shared database.
 */
export function createAuth({ db, secret, baseURL, signInPerMinute = 10 }: AuthOptions) {
  return betterAuth({
    appName: "Express console",
    secret,
    baseURL,
    basePath: "/api/auth",
    // Same-origin only: with APP_URL set, exactly that origin; otherwise the origin the browser
    // addressed (its Host), so a console reached as localhost, 127.0.0.1 or a LAN name all work.
    trustedOrigins: baseURL ? [baseURL] : (request) => [requestOrigin(request)],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", required: true, input: false },
        active: { type: "boolean", required: false, input: false, defaultValue: true },
        locale: { type: "string", required: false, input: false, defaultValue: "zh-CN" },
      },
    },
    session: {
      expiresIn: sessionPolicy.idleSeconds,
      updateAge: sessionPolicy.refreshAfterSeconds,
      // Revocation (sign out everywhere, deactivation) must bite on the next request.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: signInPerMinute } },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] },
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      // Explicit, so tests (NODE_ENV=test) exercise the same CSRF checks as production.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [user] = await db
              .select({ active: users.active })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user?.active) {
              throw new APIError("FORBIDDEN", { message: "ACCOUNT_DEACTIVATED" });
            }
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

function requestOrigin(request: Request | undefined): string | undefined {
  const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
  if (!host) return undefined;
  const proto =
    request?.headers.get("x-forwarded-proto") ??
    new URL(request?.url ?? "http://x").protocol.replace(":", "");
  return `${proto}://${host}`;
}

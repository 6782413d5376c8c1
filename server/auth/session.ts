import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import type { Auth } from "./auth";
import { isRole, isSessionExpired, type Role } from "./permissions";

export type Locale = "zh-CN" | "en";

export type SessionUser = { id: string; name: string; email: string; role: Role; locale: Locale };
export type AppSession = { user: SessionUser; sessionId: string };

/**
 * Resolves the signed-in staff member from request headers, or null. Enforces what better-auth
 * leaves to us: the absolute session cap and that a deactivated account has no session.
 */
export async function readSession(
  auth: Auth,
  db: Db,
  headers: Headers,
): Promise<AppSession | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const { user, session } = found;
  if (!isRole(user.role) || user.active === false) return null;
  if (isSessionExpired(session, new Date())) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  return {
    sessionId: session.id,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale === "en" ? "en" : "zh-CN",
    },
  };
}

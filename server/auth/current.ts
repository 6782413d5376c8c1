import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getRuntime } from "@/server/runtime";
import { can, type Permission } from "./permissions";
import { readSession, type AppSession } from "./session";

/** The signed-in staff member for this request (read once per request). */
export const currentSession = cache(async (): Promise<AppSession | null> => {
  const { auth, db } = await getRuntime();
  return readSession(auth, db, await headers());
});

/** For pages: sign-in when anonymous, a 403 page when the role may not open it. */
export async function requirePermission(permission: Permission): Promise<AppSession> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  if (!can(session.user.role, permission)) forbidden();
  return session;
}

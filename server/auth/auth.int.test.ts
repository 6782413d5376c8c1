import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { createUser, revokeOwnSessions, setUserActive } from "@/server/users/service";
import { createAuth } from "./auth";
import { readSession } from "./session";

const t = withTestDb();
const secret = "test-secret-test-secret-test-secret-0000";
const origin = "http://console.test:3000";

function signInRequest(email: string, password: string, headers: Record<string, string> = {}) {
  return new Request(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "console.test:3000", origin, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

function cookieFrom(res: Response): string {
  const raw = res.headers.get("set-cookie") ?? "";
  return raw.split(";")[0] ?? "";
}

async function staff(email: string, role: "admin" | "cs" = "cs") {
  return createUser(t.current.db, null, { name: email, email, role, password: "right-password" });
}

describe("sign-in over HTTP (better-auth handler)", () => {
  it("signs in with the right password and resolves the session with role and locale", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    await staff("a@test.local");
    const res = await auth.handler(signInRequest("a@test.local", "right-password"));
    expect(res.status).toBe(200);
    const session = await readSession(auth, t.current.db, new Headers({ cookie: cookieFrom(res) }));
    expect(session?.user).toMatchObject({ email: "a@test.local", role: "cs", locale: "zh-CN" });
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    await staff("b@test.local");
    expect((await auth.handler(signInRequest("b@test.local", "wrong-password"))).status).toBe(401);
    expect((await auth.handler(signInRequest("nobody@test.local", "wrong-password"))).status).toBe(
      401,
    );
  });

  it("refuses a sign-in posted from another origin when a cookie rides along (CSRF)", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    await staff("csrf@test.local");
    const res = await auth.handler(
      signInRequest("csrf@test.local", "right-password", {
        origin: "http://evil.test",
        cookie: "x=1",
      }),
    );
    expect(res.status).toBe(403);
  });

  it("accepts the origin the browser addressed, e.g. 127.0.0.1 with a cookie", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    await staff("loop@test.local");
    const res = await auth.handler(
      new Request("http://localhost:3100/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: "127.0.0.1:3100",
          origin: "http://127.0.0.1:3100",
          cookie: "locale=en",
        },
        body: JSON.stringify({ email: "loop@test.local", password: "right-password" }),
      }),
    );
    expect(res.status).toBe(200);
  });

  it("does not allow self sign-up", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    const res = await auth.handler(
      new Request(`${origin}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", host: "console.test:3000", origin },
        body: JSON.stringify({ email: "new@test.local", password: "whatever-123", name: "x" }),
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it("rate limits sign-in attempts per client IP with 429 and Retry-After", async () => {
    const auth = createAuth({ db: t.current.db, secret, signInPerMinute: 3 });
    await staff("rl@test.local");
    const ip = { "x-forwarded-for": "203.0.113.9" };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await auth.handler(signInRequest("rl@test.local", "wrong-password", ip));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Number(last?.headers.get("x-retry-after"))).toBeGreaterThan(0);
    const otherIp = await auth.handler(
      signInRequest("rl@test.local", "right-password", { "x-forwarded-for": "198.51.100.7" }),
    );
    expect(otherIp.status).toBe(200);
  });

  it("refuses a deactivated account", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    const admin = await staff("adm@test.local", "admin");
    const u = await staff("gone@test.local");
    await setUserActive(t.current.db, admin, u.id, false);
    const res = await auth.handler(signInRequest("gone@test.local", "right-password"));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ message: "ACCOUNT_DEACTIVATED" });
  });

  it("ends a session past the absolute cap even while it is kept alive", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    await staff("old@test.local");
    const res = await auth.handler(signInRequest("old@test.local", "right-password"));
    const headers = new Headers({ cookie: cookieFrom(res) });
    expect(await readSession(auth, t.current.db, headers)).not.toBeNull();
    const created = new Date(Date.now() - 25 * 3600 * 1000);
    await t.current.db.update(sessions).set({ createdAt: created });
    expect(await readSession(auth, t.current.db, headers)).toBeNull();
  });

  it("sign out everywhere ends every session of the user", async () => {
    const auth = createAuth({ db: t.current.db, secret });
    const u = await staff("many@test.local");
    const first = await auth.handler(signInRequest("many@test.local", "right-password"));
    const second = await auth.handler(signInRequest("many@test.local", "right-password"));
    expect(
      await t.current.db.select().from(sessions).where(eq(sessions.userId, u.id)),
    ).toHaveLength(2);
    await revokeOwnSessions(t.current.db, u);
    for (const res of [first, second]) {
      expect(
        await readSession(auth, t.current.db, new Headers({ cookie: cookieFrom(res) })),
      ).toBeNull();
    }
  });
});

import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing/test-db";
import { testCourierKey } from "@/server/testing/callers";
import { createAccount } from "./accounts";
import { createSandboxState } from "./contract";
import type { Transport } from "./execute";
import { sandboxAccounts, sandboxRegistry } from "./sandbox/accounts";
import { sandboxFor } from "./registry";
import { sfSandbox } from "./sandbox/sf";
import { testConnection } from "./test-connection";

const t = withTestDb();
const state = createSandboxState({ [sandboxAccounts.sf.partnerID]: sandboxAccounts.sf });
/** The sandbox in-process; the browser test drives the same path over HTTP. */
const viaSandbox: Transport = async (request) => {
  expect(request.url).toBe("http://console.test/api/sandbox/sf/std/service");
  return sfSandbox(request, state);
};

describe("test connection", () => {
  it("passes with the credentials the courier issued and fails with a wrong check word", async () => {
    await createAccount(t.current.db, testCourierKey, null, {
      id: "sf-ok",
      courier: "sf",
      name: "SF ok",
      environment: "sandbox",
      credentials: { ...sandboxAccounts.sf },
    });
    await createAccount(t.current.db, testCourierKey, null, {
      id: "sf-bad",
      courier: "sf",
      name: "SF bad",
      environment: "sandbox",
      credentials: { ...sandboxAccounts.sf, checkWord: "not-the-check-word" },
    });
    expect(
      await testConnection(
        t.current.db,
        testCourierKey,
        "sf-ok",
        "http://console.test",
        viaSandbox,
      ),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await testConnection(
        t.current.db,
        testCourierKey,
        "sf-bad",
        "http://console.test",
        viaSandbox,
      ),
    ).toMatchObject({
      ok: false,
      kind: "SIGNATURE",
      courierCode: "A1006",
    });
  });

  it("reports an unreachable courier as unavailable", async () => {
    const down: Transport = () =>
      Promise.resolve({ status: 502, headers: {}, body: "bad gateway" });
    expect(
      await testConnection(t.current.db, testCourierKey, "sf-ok", "http://console.test", down),
    ).toMatchObject({
      ok: false,
      kind: "UNAVAILABLE",
    });
  });
});

/** The credential that keys each courier's signature: changing it must break the signature. */
const signingSecret = {
  sf: "checkWord",
  kdniao: "ApiKey",
  kuaidi100: "key",
  zto: "appSecret",
  jt: "privateKey",
  yto: "secret",
  yunda: "appSecret",
  deppon: "appKey",
  ems: "signKey",
  sto: "secretKey",
  cainiao: "secretKey",
} as const;

describe("test connection through every built-in sandbox", () => {
  it.each(Object.keys(signingSecret) as (keyof typeof signingSecret)[])(
    "%s: issued credentials pass, a wrong signing secret fails",
    async (courier) => {
      const state = createSandboxState(sandboxRegistry(courier));
      const handler = sandboxFor(courier)!;
      const transport: Transport = async (request) => handler(request, state);
      const good = { ...sandboxAccounts[courier] } as Record<string, string>;
      for (const [suffix, credentials] of [
        ["ok", good],
        [
          "bad",
          {
            ...good,
            // EMS keys are Base64 of 16 bytes: well-formed, wrong value.
            [signingSecret[courier]]:
              courier === "ems" ? "QUFBQUFBQUFBQUFBQUFBQQ==" : "wrong-secret-value-0000000000000",
          },
        ],
      ] as const) {
        await createAccount(t.current.db, testCourierKey, null, {
          id: `${courier}-probe-${suffix}`,
          courier,
          name: courier,
          environment: "sandbox",
          credentials,
        });
      }
      const test = (suffix: string) =>
        testConnection(
          t.current.db,
          testCourierKey,
          `${courier}-probe-${suffix}`,
          "http://console.test",
          transport,
        );
      expect(await test("ok")).toMatchObject({ ok: true });
      expect(await test("bad")).toMatchObject({ ok: false, kind: "SIGNATURE" });
    },
  );
});

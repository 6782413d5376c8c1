import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing/test-db";
import { DomainError } from "@/server/errors";
import { callerAs, testCourierKey } from "@/server/testing/callers";
import { createSandboxState } from "./contract";
import type { Transport } from "./execute";
import { builtInProfiles } from "./profiles";
import { sampleWaybill } from "./profiles-service";
import { sandboxAccounts, sandboxRegistry } from "./sandbox/accounts";
import { yundaSandbox } from "./sandbox/yunda";
import { sandboxFor } from "./registry";

const t = withTestDb();
/** A merchant's own courier: Yunda's protocol under a new code, as an admin would import it. */
const custom = {
  ...builtInProfiles.yunda,
  code: "ydpartner",
  nameZh: "韵达合作网点",
  nameEn: "Yunda partner branch",
};

describe("courier profiles in Settings", () => {
  it("saves a valid profile, lists it, and refuses built-in codes and invalid profiles with field paths", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    expect(await caller.couriers.saveProfile({ profile: custom })).toEqual({ code: "ydpartner" });
    const codes = (await caller.couriers.profiles()).map((p) => [p.code, p.builtIn]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["yunda", true],
        ["deppon", true],
        ["ydpartner", false],
      ]),
    );

    await expect(
      caller.couriers.saveProfile({ profile: { ...custom, code: "sf" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const broken = {
      ...custom,
      code: "broken",
      operations: {
        ...custom.operations,
        createWaybill: { ...custom.operations.createWaybill, path: 42 },
      },
    };
    const error: unknown = await caller.couriers
      .saveProfile({ profile: broken })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    const cause = (error as { cause?: unknown }).cause;
    expect(cause).toBeInstanceOf(DomainError);
    expect(Object.keys((cause as DomainError).details.fields ?? {})).toContain(
      "operations.createWaybill.path",
    );
  });

  it("dry-runs the exact signed request without sending it", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    const result = await caller.couriers.dryRun({
      profile: custom,
      credentials: { ...sandboxAccounts.yunda },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.method).toBe("POST");
    expect(result.request.body).toContain("张三");
    expect(Object.keys(result.request.headers).map((h) => h.toLowerCase())).toContain("sign");
    const bad = await caller.couriers.dryRun({
      profile: { ...custom, statusMap: { x: "NOPE" } },
      credentials: {},
    });
    expect(bad.ok).toBe(false);
  });

  it("creates an account for the new courier and issues a sample waybill through it", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    await expect(
      caller.couriers.createAccount({
        id: "ydp-1",
        courier: "ydpartner",
        name: "韵达合作",
        environment: "sandbox",
        credentials: { appKey: "x" },
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await caller.couriers.createAccount({
      id: "ydp-sandbox",
      courier: "ydpartner",
      name: "韵达合作网点 沙箱",
      environment: "sandbox",
      baseUrl: "http://console.test/api/sandbox/yunda",
      credentials: { ...sandboxAccounts.yunda },
    });
    const state = createSandboxState(sandboxRegistry("yunda"));
    const transport: Transport = async (request) => {
      expect(request.url.startsWith("http://console.test/api/sandbox/yunda/")).toBe(true);
      return yundaSandbox(request, state);
    };
    const waybill = await sampleWaybill(
      t.current.db,
      testCourierKey,
      "ydp-sandbox",
      "http://console.test",
      transport,
    );
    expect(waybill.trackingNo).toMatch(/^4312\d{9}$/);
    await expect(caller.couriers.deleteProfile({ code: "ydpartner" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("sample waybills through aggregators", () => {
  it.each(["kdniao", "kuaidi100", "cainiao"] as const)(
    "%s issues one for a ZTO parcel",
    async (courier) => {
      await callerAs(t.current.db, "admin").then(({ caller }) =>
        caller.couriers.createAccount({
          id: `sample-${courier}`,
          courier,
          name: courier,
          environment: "sandbox",
          credentials: { ...sandboxAccounts[courier] },
        }),
      );
      const state = createSandboxState(sandboxRegistry(courier));
      const handler = sandboxFor(courier)!;
      const waybill = await sampleWaybill(
        t.current.db,
        testCourierKey,
        `sample-${courier}`,
        "http://console.test",
        (r) => Promise.resolve(handler(r, state)),
      );
      expect(waybill.trackingNo.length).toBeGreaterThan(6);
    },
  );
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, courierAccounts } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { callerAs, testCourierKey } from "@/server/testing/callers";
import { loadAccountConfig } from "./accounts";

const t = withTestDb();
const sfInput = {
  id: "sf-main",
  courier: "sf",
  name: "顺丰月结",
  environment: "sandbox" as const,
  credentials: {
    partnerID: "DEMO_SF",
    checkWord: "fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci",
    monthlyCard: "7551234567",
  },
};

describe("courier accounts", () => {
  it("stores credentials encrypted, shows them masked, and gives the push URL", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    const created = await caller.couriers.createAccount(sfInput);
    expect(created).toMatchObject({
      id: "sf-main",
      enabled: true,
      credentials: { partnerID: "DEMO_SF", checkWord: "fjcg••••zVci", monthlyCard: "7551234567" },
    });
    expect(created.pushPath).toMatch(/^\/api\/couriers\/sf-main\/push\?token=[\w-]{24}$/);
    const [row] = await t.current.db
      .select()
      .from(courierAccounts)
      .where(eq(courierAccounts.id, "sf-main"));
    expect(row?.credentials).not.toContain("fjcg5PGK");
    const config = await loadAccountConfig(
      t.current.db,
      testCourierKey,
      "sf-main",
      () => "http://default",
    );
    expect(config.credentials.checkWord).toBe("fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci");
    expect(config.baseUrl).toBe("http://default");
    const audit = await t.current.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, "sf-main"));
    expect(JSON.stringify(audit)).not.toContain("fjcg5PGK");
  });

  it("refuses missing or unknown credential fields, bad slugs, taken ids and couriers without a driver", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    await expect(
      caller.couriers.createAccount({ ...sfInput, id: "sf-2", credentials: { partnerID: "x" } }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await expect(
      caller.couriers.createAccount({
        ...sfInput,
        id: "sf-3",
        credentials: { ...sfInput.credentials, extra: "1" },
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await expect(
      caller.couriers.createAccount({ ...sfInput, id: "Bad Id!" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.couriers.createAccount({ ...sfInput, id: "jd-1", courier: "jd" }),
    ).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    await caller.couriers.createAccount({ ...sfInput, id: "sf-dup" });
    await expect(caller.couriers.createAccount({ ...sfInput, id: "sf-dup" })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
  });

  it("updates a secret without resending the others, and disables", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    await caller.couriers.createAccount({ ...sfInput, id: "sf-upd" });
    const updated = await caller.couriers.updateAccount({
      id: "sf-upd",
      credentials: { checkWord: "newCheckWord-0000000000000000000", partnerID: "" },
      enabled: false,
    });
    expect(updated).toMatchObject({
      enabled: false,
      credentials: { partnerID: "DEMO_SF", checkWord: "newC••••0000" },
    });
    const config = await loadAccountConfig(t.current.db, testCourierKey, "sf-upd", () => "");
    expect(config.credentials).toMatchObject({
      partnerID: "DEMO_SF",
      checkWord: "newCheckWord-0000000000000000000",
    });
  });

  it("shows optional credential fields only when they are set", async () => {
    const { caller } = await callerAs(t.current.db, "admin");
    const plain = await caller.couriers.createAccount({
      id: "kdn-plain",
      courier: "kdniao",
      name: "快递鸟",
      environment: "sandbox",
      credentials: { EBusinessID: "1237100", ApiKey: "api-key-000000000000" },
    });
    expect(plain.credentials).toEqual({ EBusinessID: "1237100", ApiKey: "api-••••0000" });
    const withSite = await caller.couriers.updateAccount({
      id: "kdn-plain",
      credentials: { SendSite: "杭州余杭" },
    });
    expect(withSite.credentials).toMatchObject({ SendSite: "杭州余杭" });
  });

  it("lets managers see accounts but not change them", async () => {
    const { caller } = await callerAs(t.current.db, "manager");
    expect(Array.isArray(await caller.couriers.accounts())).toBe(true);
    await expect(caller.couriers.createAccount({ ...sfInput, id: "sf-mgr" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
  });
});

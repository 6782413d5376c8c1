import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courierAccounts, courierPushInbox } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { testCourierKey } from "@/server/testing/callers";
import { createAccount, updateAccount } from "./accounts";
import type { WireRequest } from "./contract";
import { receivePush } from "./push";
import { kdniaoPushRequest } from "./sandbox/kdniao-wire";

const t = withTestDb();

const sfPush = (body: string): WireRequest => ({
  method: "POST",
  url: "http://console.test/api/couriers/sf-push/push",
  headers: { "content-type": "application/json;charset=UTF-8" },
  body,
});

const routeBody = JSON.stringify({
  Body: {
    WaybillRoute: [
      {
        mailno: "SF7444496931331",
        orderid: "P-1",
        acceptTime: "2025-05-26 09:55:52",
        acceptAddress: "深圳市",
        remark: "顺丰速运 已收取快件",
        opCode: "50",
        id: "1",
        reasonName: null,
        reasonCode: null,
      },
      {
        mailno: "SF7444496931331",
        orderid: "P-1",
        acceptTime: "2025-05-27 14:01:00",
        acceptAddress: "杭州市",
        remark: "已签收",
        opCode: "80",
        id: "2",
        reasonName: null,
        reasonCode: null,
      },
    ],
  },
});

async function tokenOf(id: string) {
  const [row] = await t.current.db
    .select({ token: courierAccounts.pushToken })
    .from(courierAccounts)
    .where(eq(courierAccounts.id, id));
  return row!.token;
}

describe("courier push receiver", () => {
  it("stores an SF route push durably, then answers with SF's exact success bytes", async () => {
    await createAccount(t.current.db, testCourierKey, null, {
      id: "sf-push",
      courier: "sf",
      name: "SF",
      environment: "sandbox",
      credentials: { partnerID: "P", checkWord: "C", monthlyCard: "M" },
    });
    const token = await tokenOf("sf-push");
    const outcome = await receivePush(t.current.db, testCourierKey, "sf-push", sfPush(routeBody), {
      token,
    });
    expect(outcome.kind).toBe("stored");
    if (outcome.kind !== "stored") return;
    expect(outcome.events).toBe(2);
    expect(outcome.reply.body).toBe('{"return_code":"0000","return_msg":"成功"}');
    const [row] = await t.current.db
      .select()
      .from(courierPushInbox)
      .where(eq(courierPushInbox.id, outcome.inboxId));
    expect(row?.body).toBe(routeBody);
    expect(row?.events).toEqual([
      expect.objectContaining({
        trackingNo: "SF7444496931331",
        code: "50",
        time: "2025-05-26T09:55:52+08:00",
      }),
      expect.objectContaining({ trackingNo: "SF7444496931331", code: "80" }),
    ]);
  });

  it("refuses an unsigned push without the account's URL token, in SF's failure format, and logs it", async () => {
    for (const token of [undefined, "guessed-token"]) {
      const outcome = await receivePush(
        t.current.db,
        testCourierKey,
        "sf-push",
        sfPush(routeBody),
        { token },
      );
      expect(outcome).toMatchObject({ kind: "rejected", status: 401, reason: "bad_token" });
      if (outcome.kind !== "rejected") return;
      expect(outcome.reply.body).toBe('{"return_code":"1000","return_msg":"处理失败"}');
      const [row] = await t.current.db
        .select()
        .from(courierPushInbox)
        .where(eq(courierPushInbox.id, outcome.inboxId));
      expect(row).toMatchObject({ outcome: "bad_token", events: null, body: routeBody });
    }
  });

  it("refuses a malformed push with SF's failure reply and keeps it for inspection", async () => {
    const token = await tokenOf("sf-push");
    const outcome = await receivePush(
      t.current.db,
      testCourierKey,
      "sf-push",
      sfPush("{not json"),
      { token },
    );
    expect(outcome).toMatchObject({ kind: "rejected", status: 400, reason: "malformed" });
    if (outcome.kind !== "rejected") return;
    expect(outcome.reply.body).toBe('{"return_code":"1000","return_msg":"处理失败"}');
    const [row] = await t.current.db
      .select()
      .from(courierPushInbox)
      .where(eq(courierPushInbox.id, outcome.inboxId));
    expect(row).toMatchObject({ outcome: "malformed", body: "{not json", events: null });
  });

  it("enforces the account's IP allow-list", async () => {
    const token = await tokenOf("sf-push");
    await updateAccount(t.current.db, testCourierKey, null, {
      id: "sf-push",
      pushAllowIps: "203.0.113.5, 2001:db8::1",
    });
    const refused = await receivePush(t.current.db, testCourierKey, "sf-push", sfPush(routeBody), {
      token,
      clientIp: "198.51.100.1",
    });
    expect(refused).toMatchObject({ kind: "rejected", status: 403, reason: "ip_refused" });
    const allowed = await receivePush(t.current.db, testCourierKey, "sf-push", sfPush(routeBody), {
      token,
      clientIp: "2001:db8::1",
    });
    expect(allowed.kind).toBe("stored");
    await updateAccount(t.current.db, testCourierKey, null, { id: "sf-push", pushAllowIps: "" });
  });

  it("refuses pushes for unknown and disabled accounts", async () => {
    expect(await receivePush(t.current.db, testCourierKey, "nope", sfPush(routeBody))).toEqual({
      kind: "unknown-account",
    });
    await updateAccount(t.current.db, testCourierKey, null, { id: "sf-push", enabled: false });
    const token = await tokenOf("sf-push");
    const outcome = await receivePush(t.current.db, testCourierKey, "sf-push", sfPush(routeBody), {
      token,
    });
    expect(outcome).toMatchObject({ kind: "rejected", status: 409 });
  });
});

describe("signed pushes (Kdniao 101)", () => {
  const creds = { EBusinessID: "1237100", ApiKey: "push-test-api-key-000000000000000" };
  const shipment = {
    ShipperCode: "ZTO",
    LogisticCode: "75312345678901",
    State: "2",
    Traces: [
      { AcceptTime: "2026-11-24 10:00:00", AcceptStation: "【杭州市】快件已揽收", Action: "1" },
    ],
  };

  it("stores a push signed with the account's key, refuses one signed with another key", async () => {
    await createAccount(t.current.db, testCourierKey, null, {
      id: "kdniao-push",
      courier: "kdniao",
      name: "快递鸟",
      environment: "sandbox",
      credentials: creds,
    });
    const url = "http://console.test/api/couriers/kdniao-push/push";
    const good = kdniaoPushRequest({ url, ...creds }, [shipment], new Date("2026-11-24T02:00:05Z"));
    const stored = await receivePush(t.current.db, testCourierKey, "kdniao-push", good);
    expect(stored).toMatchObject({ kind: "stored", events: 1 });
    if (stored.kind === "stored")
      expect(JSON.parse(stored.reply.body)).toMatchObject({ Success: true });

    const forged = kdniaoPushRequest(
      { url, ...creds, ApiKey: "someone-elses-key" },
      [shipment],
      new Date(),
    );
    const refused = await receivePush(t.current.db, testCourierKey, "kdniao-push", forged);
    expect(refused).toMatchObject({ kind: "rejected", status: 401, reason: "bad_signature" });
    if (refused.kind !== "rejected") return;
    expect(JSON.parse(refused.reply.body)).toMatchObject({ Success: false });
    const [row] = await t.current.db
      .select()
      .from(courierPushInbox)
      .where(eq(courierPushInbox.id, refused.inboxId));
    expect(row?.outcome).toBe("bad_signature");
  });
});

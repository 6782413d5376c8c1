import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courierPushInbox } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { testCourierKey } from "@/server/testing/callers";
import { createAccount, updateAccount } from "./accounts";
import type { WireRequest } from "./contract";
import { receivePush } from "./push";

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

describe("courier push receiver", () => {
  it("stores an SF route push durably, then answers with SF's exact success bytes", async () => {
    await createAccount(t.current.db, testCourierKey, null, {
      id: "sf-push",
      courier: "sf",
      name: "SF",
      environment: "sandbox",
      credentials: { partnerID: "P", checkWord: "C", monthlyCard: "M" },
    });
    const outcome = await receivePush(t.current.db, testCourierKey, "sf-push", sfPush(routeBody));
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

  it("answers a malformed push with SF's failure reply and stores nothing", async () => {
    const before = (await t.current.db.select().from(courierPushInbox)).length;
    const outcome = await receivePush(t.current.db, testCourierKey, "sf-push", sfPush("{not json"));
    expect(outcome).toMatchObject({ kind: "rejected", status: 400 });
    if (outcome.kind === "rejected")
      expect(outcome.reply.body).toBe('{"return_code":"1000","return_msg":"处理失败"}');
    expect(await t.current.db.select().from(courierPushInbox)).toHaveLength(before);
  });

  it("refuses pushes for unknown and disabled accounts", async () => {
    expect(await receivePush(t.current.db, testCourierKey, "nope", sfPush(routeBody))).toEqual({
      kind: "unknown-account",
    });
    await updateAccount(t.current.db, testCourierKey, null, { id: "sf-push", enabled: false });
    const outcome = await receivePush(t.current.db, testCourierKey, "sf-push", sfPush(routeBody));
    expect(outcome).toMatchObject({ kind: "rejected", status: 409 });
  });
});

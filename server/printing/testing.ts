import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts, shipments, waybills, type LabelTemplate } from "@/db/schema";
import { getOrder } from "@/server/orders/service";
import { createTestOrder, testActor } from "@/server/orders/testing";
import { packParcel } from "@/server/shipping/service";

/**
 * Test factories for printing: a courier account row and a packed parcel with an active waybill.
 * The waybill is inserted directly (arranging data, as issuance would leave it) so printing is
 * tested on its own; credentials are never decrypted here, so any text will do.
 */
export async function seedAccount(
  db: Db,
  courier = "sf",
  labelTemplate: LabelTemplate = "100x150",
): Promise<string> {
  const id = `acct-${randomUUID().slice(0, 8)}`;
  await db.insert(courierAccounts).values({
    id,
    courier,
    name: `${courier} 测试账号`,
    environment: "sandbox",
    credentials: "unused",
    labelTemplate,
  });
  return id;
}

let seq = 0;

/** Creates, packs and "waybills" one parcel; returns the parcel, waybill and tracking number. */
export async function labelledParcel(
  db: Db,
  shopId: string,
  accountId: string,
  opts: { courier?: string; labelData?: Record<string, string>; issuedAt?: Date } = {},
) {
  seq += 1;
  const orderId = await createTestOrder(db, shopId, {
    recipient: { name: "张三丰", mobile: "13812345678", address: "浙江省杭州市西湖区文三路100号" },
    buyerRemark: "请放门口",
  });
  const parcelId = (await getOrder(db, orderId)).parcels[0]!.id;
  await packParcel(db, testActor, {
    id: parcelId,
    weightG: 1200,
    lengthMm: 300,
    widthMm: 200,
    heightMm: 150,
    scans: { "6901234567892": 2 },
  });
  const trackingNo = `SF${String(1_400_000_000_000 + parcelId * 100 + seq)}`;
  const [waybill] = await db
    .insert(waybills)
    .values({
      shipmentId: parcelId,
      accountId,
      courier: opts.courier ?? "sf",
      trackingNo,
      sortingCode: "020WA-012",
      packageCenter: "020WA",
      labelData: opts.labelData ?? {
        proCode: "标快",
        codingMapping: "K12",
        twoDimensionCode: `MMM={'k1':'020WA','k5':'${trackingNo}'}`,
      },
      ...(opts.issuedAt ? { issuedAt: opts.issuedAt } : {}),
    })
    .returning({ id: waybills.id });
  await db
    .update(shipments)
    .set({ status: "LABELLED", trackingNo })
    .where(eq(shipments.id, parcelId));
  return { orderId, parcelId, waybillId: waybill!.id, trackingNo };
}

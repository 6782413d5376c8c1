import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { printBatches, printJobs, waybills } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { DomainError } from "@/server/errors";
import { maskAddress, maskMobile, maskName } from "@/server/orders/rules";
import type { OrderActor } from "@/server/orders/service";
import { parcelContents } from "@/server/shipping/queries";
import { labelView, type LabelView } from "./label-data";
import * as q from "./queries";
import type { LabelsInput, PackingSlipsInput, RecordInput } from "./schemas";

export type LabelError = { parcelId: number; code: "NOT_FOUND" | "NO_WAYBILL" | "CANCELLED" };

/**
 * Label views for the parcels, in the order asked, for those with an active waybill; the others
 * come back as errors rather than failing the batch, so the rest can still print.
 * With privacy off the full recipient is shown: the caller checks the reveal permission, and
 * every such read is audited like an order reveal.
 */
export async function labelsFor(
  db: Db,
  actor: OrderActor,
  input: LabelsInput,
  now: Date = new Date(),
): Promise<{ labels: LabelView[]; errors: LabelError[] }> {
  const [rows, contents, existing] = await Promise.all([
    q.labelRows(db, input.parcelIds),
    parcelContents(db, input.parcelIds),
    q.existingParcels(db, input.parcelIds),
  ]);
  const labels: LabelView[] = [];
  const errors: LabelError[] = [];
  for (const id of input.parcelIds) {
    const row = rows.get(id);
    if (!row) {
      errors.push({ parcelId: id, code: existing.has(id) ? "NO_WAYBILL" : "NOT_FOUND" });
      continue;
    }
    if (row.parcelStatus === "CANCELLED") {
      errors.push({ parcelId: id, code: "CANCELLED" });
      continue;
    }
    const c = contents.get(id);
    labels.push(
      labelView({
        template: input.template ?? row.template,
        waybill: {
          id: row.waybillId,
          courier: row.courier,
          driver: row.driver,
          trackingNo: row.trackingNo,
          sortingCode: row.sortingCode,
          packageCenter: row.packageCenter,
          labelData: row.labelData,
        },
        parcel: {
          id,
          recipientName: row.recipientName,
          recipientMobile: row.recipientMobile,
          recipientMobileExt: row.recipientMobileExt,
          regionText: row.regionText,
          addressDetail: row.addressDetail,
          weightG: row.weightG,
          items: c?.items ?? [],
          remarks: (c?.orders ?? []).flatMap((o) => (o.buyerRemark ? [o.buyerRemark] : [])),
          orderNos: (c?.orders ?? []).map((o) => o.platformOrderNo),
        },
        sender: {
          name: row.senderName,
          mobile: row.senderMobile,
          regionText: row.senderRegion,
          address: row.senderAddress,
          ...(c?.orders[0] ? { company: c.orders[0].shopName } : {}),
        },
        printedAt: now,
        privacy: input.privacy,
      }),
    );
  }
  if (!input.privacy && labels.length > 0) {
    await db.transaction(async (tx) => {
      for (const l of labels) {
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "parcel.reveal",
          entityType: "parcel",
          entityId: String(l.parcelId),
          after: { via: "label", fields: ["recipientName", "recipientMobile"] },
        });
      }
    });
  }
  return { labels, errors };
}

/**
 * Records one print: a batch and its jobs. For labels, the first print stamps printed_at, every
 * print counts, and a reprint (any parcel printed before) needs a reason and is audited per parcel.
 */
export async function recordPrint(db: Db, actor: OrderActor, input: RecordInput) {
  return db.transaction(async (tx) => {
    const locked = input.kind === "label" ? await q.lockActiveWaybills(tx, input.parcelIds) : [];
    const byParcel = new Map(locked.map((w) => [w.shipmentId, w]));
    if (input.kind === "label") {
      const missing = input.parcelIds.filter((id) => !byParcel.has(id));
      if (missing.length > 0) {
        throw new DomainError(
          "CONFLICT",
          `No active waybill for ${missing.map((id) => `P${id}`).join(", ")}`,
          { messageKey: "printing.errors.noWaybill" },
        );
      }
    }
    const reprinted = locked.filter((w) => w.printedAt !== null);
    const reason = input.reprintReason?.trim() || null;
    if (reprinted.length > 0 && !reason) {
      throw new DomainError(
        "INVALID",
        `Reprinting ${reprinted.map((w) => w.trackingNo).join(", ")} needs a reason`,
        {
          messageKey: "printing.errors.reasonRequired",
          fields: { reprintReason: "printing.errors.reasonRequired" },
        },
      );
    }
    const [batch] = await tx
      .insert(printBatches)
      .values({
        kind: input.kind,
        template: input.template,
        reprintReason: reprinted.length > 0 ? reason : null,
        count: input.parcelIds.length,
        createdBy: actor.userId,
      })
      .returning({ id: printBatches.id, createdAt: printBatches.createdAt });
    await tx.insert(printJobs).values(
      input.parcelIds.map((id) => ({
        batchId: batch!.id,
        shipmentId: id,
        waybillId: byParcel.get(id)?.id ?? null,
      })),
    );
    if (locked.length > 0) {
      await tx
        .update(waybills)
        .set({
          printedAt: sql`coalesce(${waybills.printedAt}, now())`,
          printCount: sql`${waybills.printCount} + 1`,
        })
        .where(
          inArray(
            waybills.id,
            locked.map((w) => w.id),
          ),
        );
    }
    for (const w of reprinted) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "label.reprint",
        entityType: "parcel",
        entityId: String(w.shipmentId),
        before: { printCount: w.printCount },
        after: {
          printCount: w.printCount + 1,
          reason,
          batchId: batch!.id,
          trackingNo: w.trackingNo,
          template: input.template,
        },
      });
    }
    return {
      batchId: batch!.id,
      createdAt: batch!.createdAt,
      count: input.parcelIds.length,
      reprinted: reprinted.length,
    };
  });
}

export type PackingSlip = Awaited<ReturnType<typeof packingSlips>>[number];

/**
 * 发货单 data per parcel: its orders with the lines in this parcel. The slip travels inside the box
 * and is read by anyone handling it, so the recipient is always masked.
 */
export async function packingSlips(db: Db, input: PackingSlipsInput) {
  const { parcels, orders, lines } = await q.slipRows(db, input.parcelIds);
  const byId = new Map(parcels.map((p) => [p.id, p]));
  return input.parcelIds.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const parcelLines = lines.filter((l) => l.parcelId === id);
    return [
      {
        parcelId: id,
        status: p.status,
        trackingNo: p.trackingNo,
        courier: p.courier,
        warehouseName: p.warehouseName,
        warehouseMobile: p.warehouseMobile,
        recipient: {
          name: maskName(p.recipientName),
          mobile: maskMobile(p.recipientMobile),
          address: `${p.regionText} ${maskAddress(p.addressDetail)}`,
        },
        orders: orders
          .filter((o) => o.parcelId === id)
          .map((o) => ({
            id: o.id,
            platformOrderNo: o.platformOrderNo,
            shopName: o.shopName,
            paidAt: o.paidAt,
            buyerRemark: o.buyerRemark,
            lines: parcelLines
              .filter((l) => l.orderId === o.id)
              .map((l) => ({ sku: l.sku, name: l.name, barcode: l.barcode, quantity: l.quantity })),
          })),
        units: parcelLines.reduce((s, l) => s + l.quantity, 0),
      },
    ];
  });
}

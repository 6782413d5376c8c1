import { z } from "zod";

const parcelId = z.number().int().positive();
const accountId = z.string().trim().min(1).max(40);
const batchId = z.number().int().positive();

export const issueInput = z.object({
  parcelIds: z.array(parcelId).min(1).max(1000),
  /** The batch's account; each parcel's shop default when absent. */
  accountId: accountId.optional(),
  /** Per-parcel choice, keyed by parcel id, over the batch's account. */
  accountByParcel: z.record(z.string().regex(/^\d{1,15}$/), accountId).optional(),
});
export type IssueInput = z.infer<typeof issueInput>;

export const retryInput = z.object({
  batchId,
  parcelIds: z.array(parcelId).min(1).max(1000),
  /** Move the parcels to this account; their current one when absent. */
  accountId: accountId.optional(),
});
export type RetryInput = z.infer<typeof retryInput>;

export const batchInput = z.object({ batchId });

export const cancelWaybillInput = z.object({
  parcelId,
  reason: z.string().trim().min(1).max(200),
});
export type CancelWaybillInput = z.infer<typeof cancelWaybillInput>;

export const bookPickupInput = z
  .object({
    accountId,
    warehouseId: z.string().trim().min(1).max(40),
    start: z.date(),
    end: z.date(),
  })
  .refine((v) => v.end.getTime() > v.start.getTime(), {
    message: "waybills.errors.windowOrder",
    path: ["end"],
  });
export type BookPickupInput = z.infer<typeof bookPickupInput>;

export const pickupIdInput = z.object({ pickupId: z.number().int().positive() });

export const listPickupsInput = z.object({
  warehouseId: z.string().trim().max(40).optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type ListPickupsInput = z.infer<typeof listPickupsInput>;

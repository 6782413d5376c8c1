import { z } from "zod";
import { parcelStatuses } from "@/db/schema/orders";

export const queueFilter = z.object({
  status: z.enum(parcelStatuses).default("AWAITING_PACK"),
  held: z.boolean().optional(),
  /** Labelled parcels only: whether the active waybill has been printed (false: "not printed"). */
  printed: z.boolean().optional(),
  warehouseId: z.string().optional(),
  shopId: z.string().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  q: z.string().trim().max(64).optional(),
  cursor: z.object({ createdAt: z.date(), id: z.number().int() }).optional(),
  limit: z.int().min(1).max(500).default(100),
});
export type QueueFilter = z.infer<typeof queueFilter>;

export const parcelIds = z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) });

export const holdInput = parcelIds.extend({ reason: z.string().trim().min(1).max(200) });

export const cancelParcelsInput = parcelIds.extend({ reason: z.string().trim().min(1).max(200) });

export const scanInput = z.object({ code: z.string().trim().min(1).max(64) });

const mm = z.int().min(1).max(3000);
export const packInput = z.object({
  id: z.number().int().positive(),
  weightG: z.int().min(1).max(100_000),
  lengthMm: mm,
  widthMm: mm,
  heightMm: mm,
  /** Barcode (or SKU, for items without one) → how many times it was scanned. */
  scans: z.record(z.string(), z.int().min(0)),
});
export type PackInput = z.infer<typeof packInput>;

export const splitInput = z.object({
  id: z.number().int().positive(),
  parts: z
    .array(z.array(z.object({ orderItemId: z.number().int(), quantity: z.int().min(0) })))
    .min(2)
    .max(20),
});

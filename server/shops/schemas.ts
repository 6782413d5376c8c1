import { z } from "zod";
import { platforms } from "@/db/schema/orders";

const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "shops.errors.idFormat");

export const warehouseInput = z.object({
  id,
  name: z.string().trim().min(1).max(50),
  contactName: z.string().trim().min(1).max(30),
  contactMobile: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, "shops.errors.mobile"),
  countyCode: z.string().regex(/^\d{6}$/, "shops.errors.region"),
  address: z.string().trim().min(2).max(200),
  active: z.boolean().default(true),
});
export type WarehouseInput = z.infer<typeof warehouseInput>;

export const shopInput = z.object({
  id,
  name: z.string().trim().min(1).max(50),
  platform: z.enum(platforms),
  defaultWarehouseId: z.string().min(1, "shops.errors.warehouse"),
  autoShip: z.boolean().default(false),
  afterSalesDays: z.int().min(0).max(90).default(7),
  active: z.boolean().default(true),
  /** Courier account waybills are issued on by default; null clears it, absent keeps it. */
  defaultCourierAccountId: z.string().trim().min(1).max(40).nullable().optional(),
});
export type ShopInput = z.infer<typeof shopInput>;

import { z } from "zod";
import { orderStatuses, parcelStatuses } from "@/db/schema/orders";

/**
 * Orders as merchant systems send them (REST API v1) and as the console shows them. The same zod
 * objects validate requests and generate the OpenAPI document, so the two cannot drift.
 */
const mobile = z
  .string()
  .trim()
  .regex(/^(?:\+?86)?1[3-9]\d{9}$/, "a mainland mobile number, 11 digits starting with 1")
  .transform((s) => s.slice(-11))
  .meta({ example: "13800138000" });

export const recipientInput = z
  .object({
    name: z.string().trim().min(1).max(50).meta({ example: "张三" }),
    mobile,
    mobileExt: z
      .string()
      .regex(/^\d{1,6}$/)
      .optional()
      .meta({ description: "Extension of a platform privacy (virtual) number" }),
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .meta({
        description:
          "GB/T 2260 county code. When given, `address` is the street address below the county; otherwise `address` is a full address that we parse.",
        example: "330106",
      }),
    address: z.string().trim().min(2).max(200).meta({ example: "浙江省杭州市西湖区文三路100号" }),
  })
  .meta({ id: "RecipientInput" });

export const orderItemInput = z
  .object({
    sku: z.string().trim().min(1).max(64).meta({ example: "MT-BEAN-500" }),
    name: z.string().trim().min(1).max(200).meta({ example: "码头咖啡 意式拼配豆 500g" }),
    barcode: z.string().trim().max(64).optional().meta({ example: "6901234567892" }),
    quantity: z.int().min(1).max(9999),
    unitPriceFen: z.int().min(0).max(100_000_000).default(0).meta({ description: "Integer fen" }),
    weightG: z.int().min(0).max(100_000).optional(),
    lengthMm: z.int().min(1).max(3000).optional(),
    widthMm: z.int().min(1).max(3000).optional(),
    heightMm: z.int().min(1).max(3000).optional(),
    isVirtual: z
      .boolean()
      .default(false)
      .meta({ description: "Gift cards, services: never shipped" }),
  })
  .meta({ id: "OrderItemInput" });

export const orderInput = z
  .object({
    shop: z.string().min(1).max(64).meta({ description: "Shop id", example: "demo-shop" }),
    platformOrderNo: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[\w\-.]+$/, "letters, digits, - _ .")
      .meta({ example: "3712345678901234567" }),
    paidAt: z.iso.datetime({ offset: true }).meta({ example: "2026-11-24T10:00:00+08:00" }),
    warehouse: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "Warehouse id; default: the shop's" }),
    recipient: recipientInput,
    items: z.array(orderItemInput).min(1).max(200),
    buyerRemark: z.string().trim().max(500).optional(),
    sellerRemark: z.string().trim().max(500).optional(),
  })
  .meta({ id: "OrderInput" });

export type OrderInput = z.infer<typeof orderInput>;

export const orderStatus = z.enum(orderStatuses).meta({ id: "OrderStatus" });
export const parcelStatus = z.enum(parcelStatuses).meta({ id: "ParcelStatus" });

/** An order as the API returns it (personal data in full: the caller's own shop sent it). */
export const orderOutput = z
  .object({
    id: z.number().int(),
    shop: z.string(),
    platformOrderNo: z.string(),
    status: orderStatus,
    paidAt: z.string(),
    warehouse: z.string().nullable(),
    recipient: z.object({
      name: z.string(),
      mobile: z.string(),
      mobileExt: z.string().nullable(),
      provinceCode: z.string(),
      cityCode: z.string(),
      countyCode: z.string().nullable(),
      region: z.string(),
      address: z.string(),
    }),
    items: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        barcode: z.string().nullable(),
        quantity: z.number().int(),
        unitPriceFen: z.number().int(),
        weightG: z.number().int().nullable(),
        isVirtual: z.boolean(),
      }),
    ),
    totalFen: z.number().int(),
    parcels: z.array(
      z.object({ id: z.number().int(), status: parcelStatus, trackingNo: z.string().nullable() }),
    ),
    buyerRemark: z.string().nullable(),
    sellerRemark: z.string().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Order" });

export type OrderOutput = z.infer<typeof orderOutput>;

export const cancelInput = z
  .object({ reason: z.string().trim().min(1).max(200).meta({ example: "买家申请退款" }) })
  .meta({ id: "CancelOrderInput" });

export const listFilter = z.object({
  q: z.string().trim().max(64).optional(),
  status: z.enum(orderStatuses).optional(),
  shopId: z.string().optional(),
  warehouseId: z.string().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  paidFrom: z.date().optional(),
  paidTo: z.date().optional(),
  cursor: z.object({ paidAt: z.date(), id: z.number().int() }).optional(),
  limit: z.int().min(1).max(200).default(50),
});

export type ListFilter = z.infer<typeof listFilter>;

import { z } from "zod";
import { MAX_FEN } from "./money";
import { MAX_SIDE_MM, MAX_WEIGHT_G } from "./schemas";

/**
 * REST v1 `POST /api/v1/freight/quotes`: request and response shapes. The handler parses with
 * these and the OpenAPI document is generated from them, so the two cannot disagree.
 */
const side = z.int().min(1).max(MAX_SIDE_MM);

export const freightQuoteInput = z
  .object({
    shop: z.string().min(1).max(64).optional().meta({
      description:
        "Shop (in this key's scope) whose default warehouse ships the parcel, used when `origin` is absent. Optional when the key's shops share one default warehouse.",
      example: "demo-shop",
    }),
    origin: z.string().min(1).max(64).optional().meta({
      description:
        "Ship-from: a warehouse id, or the warehouse's 6-digit region code (county). Default: the shop's default warehouse.",
      example: "330110",
    }),
    destination: z
      .object({
        countyCode: z
          .string()
          .regex(/^\d{6}$/, "a 6-digit GB/T 2260 region code")
          .optional()
          .meta({
            description: "Destination region code: a county (a city or province code also works)",
            example: "440305",
          }),
        address: z.string().trim().min(2).max(200).optional().meta({
          description:
            "Destination address text, parsed for its regions (a street is not needed): 广东省深圳市南山区科技园, 新疆乌鲁木齐",
          example: "广东省深圳市南山区科技园科苑路 15 号",
        }),
      })
      .refine((d) => (d.countyCode === undefined) !== (d.address === undefined), {
        message: "give exactly one of countyCode and address",
      })
      .meta({ description: "Where the parcel goes: `countyCode` or `address`, not both" }),
    weightG: z.int().min(0).max(MAX_WEIGHT_G).meta({
      description: "Actual weight of the whole parcel in grams (0 = quote the first weight)",
      example: 1800,
    }),
    lengthMm: side.optional().meta({ description: "Outer length in mm", example: 300 }),
    widthMm: side.optional().meta({ description: "Outer width in mm", example: 200 }),
    heightMm: side.optional().meta({ description: "Outer height in mm", example: 150 }),
    declaredValueFen: z.int().min(0).max(MAX_FEN).optional().meta({
      description: "Declared value for insurance in fen (¥1 = 100); absent or 0 = not insured",
      example: 25800,
    }),
  })
  .refine(
    (p) =>
      (p.lengthMm === undefined) === (p.widthMm === undefined) &&
      (p.widthMm === undefined) === (p.heightMm === undefined),
    { message: "give lengthMm, widthMm and heightMm together, or none", path: ["lengthMm"] },
  )
  .meta({ id: "FreightQuoteRequest" });

export type FreightQuoteInput = z.infer<typeof freightQuoteInput>;

const place = z.object({
  code: z.string().meta({ example: "440305" }),
  label: z.string().meta({ example: "广东省 深圳市 南山区" }),
});

export const quoteLineOutput = z
  .object({
    kind: z
      .enum([
        "first_weight",
        "additional_weight",
        "volumetric_note",
        "minimum_top_up",
        "remote",
        "fuel",
        "insurance",
      ])
      .meta({
        description: "What the line charges; `volumetric_note` is 0 fen and explains the weight",
      }),
    labelZh: z.string().meta({ example: "续重 1 × ¥4.00/1kg" }),
    labelEn: z.string().meta({ example: "Additional weight 1 × ¥4.00/1kg" }),
    amountFen: z.int().meta({ example: 400 }),
  })
  .meta({ id: "FreightQuoteLine" });

const courierFields = {
  courier: z.string().meta({ description: "Courier code", example: "zto" }),
  courierName: z.string().meta({ example: "中通快递" }),
  courierNameEn: z.string().meta({ example: "ZTO Express" }),
  accountId: z.string().meta({ description: "Courier account", example: "sandbox-zto" }),
  templateId: z.string(),
  product: z.string().meta({ example: "standard" }),
  isExample: z.boolean().meta({
    description: "The price comes from an example template, not the merchant's contract rates",
  }),
};

export const courierQuoteOutput = z
  .object({
    ...courierFields,
    totalFen: z.int().meta({ description: "Total in fen: the sum of `lines`", example: 900 }),
    chargeableWeightG: z.int().meta({ example: 2000 }),
    transitDays: z.int().nullable().meta({ description: "Promised transit time on this lane" }),
    lines: z.array(quoteLineOutput),
  })
  .meta({ id: "FreightQuote" });

export const unavailableQuoteOutput = z
  .object({
    ...courierFields,
    reason: z.enum([
      "account_disabled",
      "invalid_parcel",
      "unknown_region",
      "no_zone",
      "declared_value_too_high",
      "invalid_template",
    ]),
    message: z.string(),
    messageZh: z.string(),
  })
  .meta({ id: "FreightQuoteUnavailable" });

export const freightQuoteOutput = z
  .object({
    origin: place,
    destination: place,
    quotes: z.array(courierQuoteOutput).meta({ description: "Cheapest first" }),
    unavailable: z.array(unavailableQuoteOutput),
  })
  .meta({ id: "FreightQuotes" });

export type FreightQuoteOutput = z.infer<typeof freightQuoteOutput>;

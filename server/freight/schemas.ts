import { z } from "zod";
import { regionByCode } from "@/server/regions/data";
import { MAX_BASIS_POINTS, MAX_FEN } from "./money";
import type {
  FreightTemplate,
  FreightZone,
  InsuranceTerms,
  Parcel,
  RegionSet,
  RegionSetRef,
  RemoteSurcharge,
  WeightRounding,
} from "./types";

/** Heaviest parcel and longest side the engine accepts (well beyond any express product). */
export const MAX_WEIGHT_G = 10_000_000;
export const MAX_SIDE_MM = 10_000;
export const MAX_PIECES = 10_000;

const fen = z.number().int().min(0).max(MAX_FEN);
const basisPoints = z.number().int().min(0).max(MAX_BASIS_POINTS);
const grams = z.number().int().positive().max(MAX_WEIGHT_G);

export const regionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, "six-digit GB/T 2260 code")
  .refine((code) => regionByCode(code) !== null, "unknown region code");

export const regionSetRefSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("all") }),
  z.object({ type: z.literal("set"), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal("codes"), codes: z.array(regionCodeSchema).min(1).max(4000) }),
]);

export const regionSetSchema = z.object({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(60),
  codes: z.array(regionCodeSchema).min(1).max(4000),
});

export const freightZoneSchema = z.object({
  origin: regionSetRefSchema,
  destination: regionSetRefSchema,
  firstWeightG: grams,
  firstPriceFen: fen,
  additionalUnitG: grams,
  additionalUnitPriceFen: fen,
  transitDays: z.number().int().min(0).max(60).optional(),
});

export const weightRoundingSchema = z.object({
  unitG: grams,
  firstWeightG: grams.optional(),
});

export const remoteSurchargeSchema = z.discriminatedUnion("kind", [
  z.object({ regions: regionSetRefSchema, kind: z.literal("fee"), feeFen: fen }),
  z.object({ regions: regionSetRefSchema, kind: z.literal("percent"), basisPoints }),
]);

export const insuranceTermsSchema = z.object({
  rateBasisPoints: basisPoints,
  minimumFen: fen,
  maxDeclaredFen: fen.positive().optional(),
});

export const freightTemplateSchema = z.object({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  courierAccountId: z.string().trim().min(1).max(64),
  product: z.string().trim().min(1).max(40),
  billing: z.enum(["weight", "volume", "piece"]),
  volumetricDivisor: z.number().int().positive().max(1_000_000),
  rounding: weightRoundingSchema,
  zones: z.array(freightZoneSchema).min(1).max(5000),
  minimumChargeFen: fen,
  remoteSurcharge: remoteSurchargeSchema.nullable(),
  fuelSurchargeBasisPoints: basisPoints,
  insurance: insuranceTermsSchema.nullable(),
  isExample: z.boolean(),
});

const side = z.number().int().positive().max(MAX_SIDE_MM);

export const parcelSchema = z
  .object({
    originCode: regionCodeSchema,
    destinationCode: regionCodeSchema,
    weightG: z.number().int().min(0).max(MAX_WEIGHT_G),
    lengthMm: side.optional(),
    widthMm: side.optional(),
    heightMm: side.optional(),
    pieces: z.number().int().positive().max(MAX_PIECES).optional(),
    declaredValueFen: fen.optional(),
  })
  .refine(
    (p) =>
      (p.lengthMm === undefined) === (p.widthMm === undefined) &&
      (p.widthMm === undefined) === (p.heightMm === undefined),
    { message: "give length, width and height together, or none", path: ["lengthMm"] },
  );

// The schemas and the hand-written types must describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof regionSetRefSchema>, RegionSetRef>,
  Same<z.infer<typeof regionSetSchema>, RegionSet>,
  Same<z.infer<typeof freightZoneSchema>, FreightZone>,
  Same<z.infer<typeof weightRoundingSchema>, WeightRounding>,
  Same<z.infer<typeof remoteSurchargeSchema>, RemoteSurcharge>,
  Same<z.infer<typeof insuranceTermsSchema>, InsuranceTerms>,
  Same<z.infer<typeof freightTemplateSchema>, FreightTemplate>,
  Same<z.infer<typeof parcelSchema>, Parcel>,
] = [true, true, true, true, true, true, true, true];
void sameShapes;

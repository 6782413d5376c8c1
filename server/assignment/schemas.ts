import { z } from "zod";
import { MAX_FEN } from "@/server/freight/money";
import {
  freightTemplateSchema,
  MAX_SIDE_MM,
  MAX_WEIGHT_G,
  regionCodeSchema,
  regionSetRefSchema,
} from "@/server/freight/schemas";
import type {
  BalancedWeights,
  Candidate,
  CourierLimits,
  LaneStats,
  Objective,
  ParcelFacts,
  Rule,
  RuleAction,
  RuleCondition,
} from "./types";

/** Input shapes of assignment; `types.ts` describes the same shapes (checked at the bottom). */

const id = z.string().trim().min(1).max(64);
const courierCode = z.string().trim().min(1).max(32);
const attribute = z.string().trim().min(1).max(32);
const fen = z.number().int().min(0).max(MAX_FEN);
const grams = z.number().int().min(0).max(MAX_WEIGHT_G);
const side = z.number().int().positive().max(MAX_SIDE_MM);

export const objectiveSchema = z.enum(["cheapest", "fastest", "balanced"]);

export const balancedWeightsSchema = z
  .object({
    cost: z.number().min(0).max(1),
    speed: z.number().min(0).max(1),
    exceptions: z.number().min(0).max(1),
  })
  .refine((w) => w.cost + w.speed + w.exceptions > 0, "at least one weight must be positive");

export const courierLimitsSchema = z.object({
  maxWeightG: grams.positive().optional(),
  maxSideMm: side.optional(),
  maxSumMm: z
    .number()
    .int()
    .positive()
    .max(3 * MAX_SIDE_MM)
    .optional(),
});

export const laneStatsSchema = z.object({
  p50Hours: z
    .number()
    .min(0)
    .max(24 * 60),
  p90Hours: z
    .number()
    .min(0)
    .max(24 * 60),
  samples: z.number().int().min(0),
  exceptionRate: z.number().min(0).max(1),
});

export const candidateSchema = z.object({
  accountId: id,
  courier: courierCode,
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean(),
  breakerOpen: z.boolean(),
  retryAt: z.iso.datetime({ offset: true }).nullable().optional(),
  templates: z.array(freightTemplateSchema).max(50),
  limits: courierLimitsSchema,
  restrictions: z.object({ refuses: z.array(attribute).max(50) }),
  coverage: z.object({ notServed: regionSetRefSchema }).nullable().optional(),
  laneStats: z.record(z.string().regex(/^\d{6}>\d{6}$/), laneStatsSchema).optional(),
});

export const parcelFactsSchema = z.object({
  originCode: regionCodeSchema,
  destinationCode: regionCodeSchema,
  weightG: grams,
  dims: z.object({ lengthMm: side, widthMm: side, heightMm: side }).nullable(),
  declaredValueFen: fen,
  attributes: z.array(attribute).max(50),
  shopId: id,
  allowedAccountIds: z.array(id).nullable(),
  preference: z.object({
    only: z.array(courierCode).max(30).optional(),
    exclude: z.array(courierCode).max(30).optional(),
  }),
});

export const ruleConditionSchema = z.object({
  declaredValueOverFen: fen.optional(),
  destinationIn: regionSetRefSchema.optional(),
  attributeAny: z.array(attribute).min(1).max(50).optional(),
  shopIds: z.array(id).min(1).max(200).optional(),
  weightOverG: grams.optional(),
});

export const ruleActionSchema = z
  .object({
    kind: z.enum(["pin", "exclude"]),
    accountIds: z.array(id).max(50).optional(),
    couriers: z.array(courierCode).max(50).optional(),
  })
  .refine((a) => (a.accountIds?.length ?? 0) + (a.couriers?.length ?? 0) > 0, {
    message: "name at least one courier account or courier",
    path: ["accountIds"],
  });

export const ruleSchema = z.object({
  id,
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean(),
  position: z.number().int().min(0),
  condition: ruleConditionSchema,
  action: ruleActionSchema,
});

// The schemas and the hand-written types must describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof objectiveSchema>, Objective>,
  Same<z.infer<typeof balancedWeightsSchema>, BalancedWeights>,
  Same<z.infer<typeof courierLimitsSchema>, CourierLimits>,
  Same<z.infer<typeof laneStatsSchema>, LaneStats>,
  Same<z.infer<typeof candidateSchema>, Candidate>,
  Same<z.infer<typeof parcelFactsSchema>, ParcelFacts>,
  Same<z.infer<typeof ruleConditionSchema>, RuleCondition>,
  Same<z.infer<typeof ruleActionSchema>, RuleAction>,
  Same<z.infer<typeof ruleSchema>, Rule>,
] = [true, true, true, true, true, true, true, true, true];
void sameShapes;

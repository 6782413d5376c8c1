import { z } from "zod";
import {
  objectiveSchema,
  ruleActionSchema,
  ruleConditionSchema,
} from "@/server/assignment/schemas";
import {
  assignmentForParcel,
  assignmentsForOrder,
  assignParcels,
  overrideAssignment,
  whatIf,
} from "@/server/assignment/service";
import {
  deleteRule,
  getSettings,
  moveRule,
  saveRule,
  saveShopObjective,
  setRuleEnabled,
} from "@/server/assignment/settings";
import { can } from "@/server/auth/permissions";
import { MAX_FEN } from "@/server/freight/money";
import { MAX_SIDE_MM, MAX_WEIGHT_G } from "@/server/freight/schemas";
import { createTRPCRouter, permissionProcedure } from "../init";

/**
 * Courier assignment: whoever sees the shipping work reads results, whoever ships assigns and
 * overrides, managers ("shops.manage") change the objective and rules and use the tester.
 */
const read = permissionProcedure("shipping.view");
const ship = permissionProcedure("shipping.manage");
const settings = permissionProcedure("shops.manage");

const ruleId = z.object({ id: z.string().min(1).max(64) });
const side = z.int().min(1).max(MAX_SIDE_MM);

const ruleInput = z.object({
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean(),
  condition: ruleConditionSchema,
  action: ruleActionSchema,
});

const sampleInput = z.object({
  shopId: z.string().min(1).max(64),
  destination: z.union([
    z.object({ code: z.string().regex(/^\d{6}$/) }),
    z.object({ address: z.string().trim().min(1).max(200) }),
  ]),
  weightG: z.int().min(0).max(MAX_WEIGHT_G),
  dims: z.object({ lengthMm: side, widthMm: side, heightMm: side }).nullable().optional(),
  declaredValueFen: z.int().min(0).max(MAX_FEN),
  attributes: z.array(z.string().trim().min(1).max(32)).max(20),
  preference: z
    .object({
      only: z.array(z.string().min(1).max(32)).max(30).optional(),
      exclude: z.array(z.string().min(1).max(32)).max(30).optional(),
    })
    .optional(),
  objective: objectiveSchema.optional(),
});

const actor = (ctx: { session: { user: { id: string } } }) => ({ userId: ctx.session.user.id });

export const assignmentRouter = createTRPCRouter({
  forOrder: read.input(z.object({ orderId: z.int().positive() })).query(async ({ ctx, input }) => ({
    ...(await assignmentsForOrder(ctx.db, input.orderId)),
    // The page hides assign / override from roles that may look but not ship.
    canAssign: can(ctx.session.user.role, "shipping.manage"),
  })),
  forParcel: read
    .input(z.object({ parcelId: z.int().positive() }))
    .query(({ ctx, input }) => assignmentForParcel(ctx.db, input.parcelId)),
  assign: ship
    .input(z.object({ parcelIds: z.array(z.int().positive()).min(1).max(1000) }))
    .mutation(({ ctx, input }) => assignParcels(ctx.db, actor(ctx), input.parcelIds)),
  override: ship
    .input(
      z.object({
        parcelId: z.int().positive(),
        accountId: z.string().min(1).max(64),
        reason: z.string().max(500),
      }),
    )
    .mutation(({ ctx, input }) => overrideAssignment(ctx.db, actor(ctx), input)),

  settings: settings.query(({ ctx }) => getSettings(ctx.db)),
  whatIf: settings.input(sampleInput).query(({ ctx, input }) => whatIf(ctx.db, input)),
  saveObjective: settings
    .input(z.object({ shopId: z.string().min(1).max(64), objective: objectiveSchema }))
    .mutation(({ ctx, input }) =>
      saveShopObjective(ctx.db, ctx.session.user.id, input.shopId, input.objective),
    ),
  saveRule: settings
    .input(ruleInput)
    .mutation(({ ctx, input }) => saveRule(ctx.db, ctx.session.user.id, input)),
  setRuleEnabled: settings
    .input(ruleId.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setRuleEnabled(ctx.db, ctx.session.user.id, input.id, input.enabled),
    ),
  moveRule: settings
    .input(ruleId.extend({ direction: z.enum(["up", "down"]) }))
    .mutation(({ ctx, input }) => moveRule(ctx.db, ctx.session.user.id, input.id, input.direction)),
  deleteRule: settings
    .input(ruleId)
    .mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.session.user.id, input.id)),
});

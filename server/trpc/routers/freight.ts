import { z } from "zod";
import { findCourier } from "@/server/couriers/catalog";
import { listAccountRefs } from "@/server/freight/queries";
import { MAX_FEN } from "@/server/freight/money";
import { MAX_PIECES, MAX_SIDE_MM, MAX_WEIGHT_G } from "@/server/freight/schemas";
import {
  deleteRegionSet,
  deleteTemplate,
  getTemplate,
  importRateCard,
  listRegionSets,
  listTemplates,
  MAX_RATE_CARD_BYTES,
  quoteAll,
  resolveDestination,
  saveRegionSet,
  saveTemplate,
  setTemplateEnabled,
} from "@/server/freight/service";
import type { RegionSetRef } from "@/server/freight/types";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "../init";

/**
 * Freight: templates and region sets are read by whoever may open Settings and changed by
 * managers ("shops.manage"); the calculator is open to every signed-in role (customer service
 * answers "how much to Xinjiang?", the warehouse compares couriers for an odd parcel).
 */
const read = permissionProcedure("settings.view");
const manage = permissionProcedure("shops.manage");

const id = z.object({ id: z.string().min(1).max(64) });
const regionCode = z.string().regex(/^\d{6}$/);
const side = z.int().min(1).max(MAX_SIDE_MM).optional();

const destination = z.union([
  z.object({ code: regionCode }),
  z.object({ address: z.string().trim().min(1).max(200) }),
]);

export const calculatorInput = z.object({
  originCode: regionCode,
  destination,
  weightG: z.int().min(0).max(MAX_WEIGHT_G),
  lengthMm: side,
  widthMm: side,
  heightMm: side,
  pieces: z.int().min(1).max(MAX_PIECES).optional(),
  declaredValueFen: z.int().min(0).max(MAX_FEN).optional(),
});

/** Base64 of a rate card of at most MAX_RATE_CARD_BYTES. */
const maxBase64 = Math.ceil(MAX_RATE_CARD_BYTES / 3) * 4;

export const freightRouter = createTRPCRouter({
  templates: read.query(({ ctx }) => listTemplates(ctx.db)),
  template: read.input(id).query(({ ctx, input }) => getTemplate(ctx.db, input.id)),
  saveTemplate: manage
    .input(
      z.object({
        id: z.string().min(1).max(64).optional(),
        /** Validated by the service against the template schema and the stored region sets. */
        template: z.record(z.string(), z.unknown()),
        enabled: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.session.user.id, input)),
  setEnabled: manage
    .input(id.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setTemplateEnabled(ctx.db, ctx.session.user.id, input.id, input.enabled),
    ),
  deleteTemplate: manage
    .input(id)
    .mutation(({ ctx, input }) => deleteTemplate(ctx.db, ctx.session.user.id, input.id)),

  regionSets: read.query(({ ctx }) => listRegionSets(ctx.db)),
  saveRegionSet: manage
    .input(
      z.object({
        id: z.string().min(1).max(64).optional(),
        name: z.string().max(200),
        codes: z.array(z.string().max(6)).max(4000),
      }),
    )
    .mutation(({ ctx, input }) => saveRegionSet(ctx.db, ctx.session.user.id, input)),
  deleteRegionSet: manage
    .input(id)
    .mutation(({ ctx, input }) => deleteRegionSet(ctx.db, ctx.session.user.id, input.id)),

  /** Courier accounts a template can price, with the courier's names. */
  accounts: read.query(async ({ ctx }) =>
    (await listAccountRefs(ctx.db)).map((a) => ({
      ...a,
      courierNameZh: findCourier(a.courier)?.nameZh ?? a.courier,
      courierNameEn: findCourier(a.courier)?.nameEn ?? a.courier,
      volumetricDivisor: findCourier(a.courier)?.volumetricDivisor ?? 8000,
    })),
  ),

  /** Upload a courier rate card: preview its rows and errors, or apply it to a template. */
  importRateCard: manage
    .input(
      z.object({
        target: z.union([
          z.object({ templateId: z.string().min(1).max(64) }),
          z.object({
            create: z.object({
              name: z.string().max(200),
              courierAccountId: z.string().max(64),
              product: z.string().max(40),
            }),
          }),
        ]),
        /** Validated by the service (a region-set reference). */
        origin: z.unknown().optional(),
        fileName: z.string().min(1).max(255),
        contentBase64: z.string().min(1).max(maxBase64),
        firstWeightG: z.int().min(1).max(MAX_WEIGHT_G).optional(),
        additionalUnitG: z.int().min(1).max(MAX_WEIGHT_G).optional(),
        mode: z.enum(["preview", "apply", "applyValidRows"]),
      }),
    )
    .mutation(({ ctx, input }) =>
      importRateCard(ctx.db, ctx.session.user.id, {
        target: input.target,
        origin: input.origin as RegionSetRef | undefined,
        fileName: input.fileName,
        bytes: new Uint8Array(Buffer.from(input.contentBase64, "base64")),
        firstWeightG: input.firstWeightG,
        additionalUnitG: input.additionalUnitG,
        mode: input.mode,
      }),
    ),

  /**
   * The freight calculator: every enabled template's quote side by side. An address that names
   * no region is an answer (with suggestions), not an error, so the screen can say so while typing.
   */
  calculate: protectedProcedure.input(calculatorInput).query(async ({ ctx, input }) => {
    const resolved = resolveDestination(input.destination);
    if (!resolved.ok) return { destination: resolved, result: null };
    const result = await quoteAll(ctx.db, { ...input, destination: { code: resolved.code } });
    return { destination: resolved, result };
  }),
});

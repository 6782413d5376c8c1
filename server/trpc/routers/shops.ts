import { z } from "zod";
import { childrenOf, provinces } from "@/server/regions/data";
import { shopInput, warehouseInput } from "@/server/shops/schemas";
import { listShops, listWarehouses, saveShop, saveWarehouse } from "@/server/shops/service";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "../init";

const manage = permissionProcedure("shops.manage");

/** Shops and warehouses are read by every screen with filters; only managers change them. */
export const shopsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listShops(ctx.db)),
  save: manage
    .input(shopInput)
    .mutation(({ ctx, input }) => saveShop(ctx.db, ctx.session.user.id, input)),
  warehouses: protectedProcedure.query(({ ctx }) => listWarehouses(ctx.db)),
  saveWarehouse: manage
    .input(warehouseInput)
    .mutation(({ ctx, input }) => saveWarehouse(ctx.db, ctx.session.user.id, input)),
  /** Region picker: provinces, or the children of a province / city. */
  regions: protectedProcedure
    .input(
      z.object({
        parent: z
          .string()
          .regex(/^\d{6}$/)
          .optional(),
      }),
    )
    .query(({ input }) =>
      (input.parent ? childrenOf(input.parent) : provinces()).map((r) => ({
        code: r.code,
        name: r.name,
      })),
    ),
});

import { z } from "zod";
import {
  cancelParcelsInput,
  holdInput,
  packInput,
  parcelIds,
  queueFilter,
  scanInput,
  splitInput,
} from "@/server/shipping/schemas";
import { listQueue } from "@/server/shipping/queries";
import * as service from "@/server/shipping/service";
import { createTRPCRouter, permissionProcedure } from "../init";
import { userActor } from "./actor";

const view = permissionProcedure("shipping.view");
const manage = permissionProcedure("shipping.manage");

export const shippingRouter = createTRPCRouter({
  queue: view.input(queueFilter).query(({ ctx, input }) => listQueue(ctx.db, input)),
  hold: manage
    .input(holdInput)
    .mutation(({ ctx, input }) =>
      service.holdParcels(ctx.db, userActor(ctx.session.user), input.ids, input.reason),
    ),
  release: manage
    .input(parcelIds)
    .mutation(({ ctx, input }) =>
      service.holdParcels(ctx.db, userActor(ctx.session.user), input.ids, null),
    ),
  cancel: manage
    .input(cancelParcelsInput)
    .mutation(({ ctx, input }) =>
      service.cancelParcels(ctx.db, userActor(ctx.session.user), input.ids, input.reason),
    ),
  pickList: view.input(parcelIds).query(({ ctx, input }) => service.pickList(ctx.db, input.ids)),
  scan: manage
    .input(scanInput)
    .query(({ ctx, input }) => service.lookupForPacking(ctx.db, input.code)),
  pack: manage
    .input(packInput)
    .mutation(({ ctx, input }) =>
      service.packParcel(ctx.db, userActor(ctx.session.user), input, { key: ctx.courierKey }),
    ),
  split: manage
    .input(splitInput)
    .mutation(({ ctx, input }) =>
      service.splitParcel(ctx.db, userActor(ctx.session.user), input.id, input.parts),
    ),
  mergeCandidates: view
    .input(z.object({ warehouseId: z.string().optional() }))
    .query(({ ctx, input }) => service.mergeCandidates(ctx.db, input.warehouseId)),
  merge: manage
    .input(parcelIds)
    .mutation(({ ctx, input }) =>
      service.mergeParcels(ctx.db, userActor(ctx.session.user), input.ids),
    ),
});

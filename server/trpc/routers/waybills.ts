import { cancelWaybill } from "@/server/waybills/cancel";
import * as pickupService from "@/server/waybills/pickups";
import {
  batchInput,
  bookPickupInput,
  cancelWaybillInput,
  issueInput,
  listPickupsInput,
  pickupIdInput,
  retryInput,
} from "@/server/waybills/schemas";
import * as service from "@/server/waybills/service";
import { createTRPCRouter, permissionProcedure } from "../init";
import { userActor } from "./actor";

const view = permissionProcedure("shipping.view");
const manage = permissionProcedure("shipping.manage");

/** Waybill issuance, cancellation and pickup booking; the work is in server/waybills. */
export const waybillsRouter = createTRPCRouter({
  issue: manage
    .input(issueInput)
    .mutation(({ ctx, input }) =>
      service.startIssuance(ctx.db, ctx.courierKey, userActor(ctx.session.user), input),
    ),
  retry: manage
    .input(retryInput)
    .mutation(({ ctx, input }) =>
      service.retryItems(ctx.db, ctx.courierKey, userActor(ctx.session.user), input),
    ),
  batch: view
    .input(batchInput)
    .query(({ ctx, input }) => service.batchStatus(ctx.db, input.batchId)),
  cancel: manage
    .input(cancelWaybillInput)
    .mutation(({ ctx, input }) =>
      cancelWaybill(ctx.db, ctx.courierKey, userActor(ctx.session.user), input),
    ),
  breakers: view.query(() => service.breakerStates()),
  accountsForIssuing: view.query(({ ctx }) => service.accountsForIssuing(ctx.db)),
  pickups: view
    .input(listPickupsInput)
    .query(({ ctx, input }) => pickupService.listPickups(ctx.db, input)),
  pickupWindows: view.query(() => pickupService.pickupWindows(new Date())),
  bookPickup: manage
    .input(bookPickupInput)
    .mutation(({ ctx, input }) =>
      pickupService.bookPickup(ctx.db, ctx.courierKey, userActor(ctx.session.user), input),
    ),
  cancelPickup: manage
    .input(pickupIdInput)
    .mutation(({ ctx, input }) =>
      pickupService.cancelPickup(
        ctx.db,
        ctx.courierKey,
        userActor(ctx.session.user),
        input.pickupId,
      ),
    ),
});

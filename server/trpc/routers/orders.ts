import { z } from "zod";
import { listOrders } from "@/server/orders/list";
import { maskAddress, maskMobile, maskName } from "@/server/orders/rules";
import { cancelInput, listFilter } from "@/server/orders/schemas";
import { cancelOrder, getOrder, revealRecipient } from "@/server/orders/service";
import { listAudit } from "@/server/audit/queries";
import { createTRPCRouter, permissionProcedure } from "../init";
import { userActor } from "./actor";

const view = permissionProcedure("orders.view");
const id = z.object({ id: z.number().int().positive() });

export const ordersRouter = createTRPCRouter({
  list: view.input(listFilter).query(({ ctx, input }) => listOrders(ctx.db, input)),
  /** Detail with the recipient masked; `reveal` shows it in full and is audited. */
  byId: view.input(id).query(async ({ ctx, input }) => {
    const order = await getOrder(ctx.db, input.id);
    const audit = await listAudit(ctx.db, {
      entityType: "order",
      entityId: String(input.id),
      limit: 50,
    });
    return {
      ...order,
      recipientName: maskName(order.recipientName),
      recipientMobile: maskMobile(order.recipientMobile),
      recipientMobileExt: order.recipientMobileExt ? "****" : null,
      addressDetail: maskAddress(order.addressDetail),
      audit: audit.items,
    };
  }),
  reveal: permissionProcedure("orders.reveal")
    .input(id)
    .mutation(({ ctx, input }) => revealRecipient(ctx.db, userActor(ctx.session.user), input.id)),
  cancel: permissionProcedure("orders.manage")
    .input(id.extend(cancelInput.shape))
    .mutation(({ ctx, input }) =>
      cancelOrder(ctx.db, userActor(ctx.session.user), input.id, input.reason),
    ),
});

import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { listPrintable, printHistory } from "@/server/printing/queries";
import {
  historyFilter,
  labelsInput,
  packingSlipsInput,
  printableFilter,
  recordInput,
} from "@/server/printing/schemas";
import { labelsFor, packingSlips, recordPrint } from "@/server/printing/service";
import { createTRPCRouter, permissionProcedure } from "../init";
import { userActor } from "./actor";

const view = permissionProcedure("printing.view");
const manage = permissionProcedure("shipping.manage");

export const printingRouter = createTRPCRouter({
  printable: view.input(printableFilter).query(({ ctx, input }) => listPrintable(ctx.db, input)),
  labels: view.input(labelsInput).query(({ ctx, input }) => {
    // Unmasked labels show what an order reveal shows: the same permission, audited the same way.
    if (!input.privacy && !can(ctx.session.user.role, "orders.reveal")) {
      throw new DomainError("FORBIDDEN", "Your role may only print privacy labels", {
        messageKey: "printing.errors.privacyRequired",
      });
    }
    return labelsFor(ctx.db, userActor(ctx.session.user), input);
  }),
  record: manage
    .input(recordInput)
    .mutation(({ ctx, input }) => recordPrint(ctx.db, userActor(ctx.session.user), input)),
  history: view.input(historyFilter).query(({ ctx, input }) => printHistory(ctx.db, input)),
  packingSlips: view
    .input(packingSlipsInput)
    .query(({ ctx, input }) => packingSlips(ctx.db, input)),
});

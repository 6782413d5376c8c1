import { sectionsFor } from "@/server/auth/permissions";
import { localeSchema } from "@/server/users/schemas";
import * as service from "@/server/users/service";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../init";

export const meRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => ({
    ...ctx.session.user,
    sections: sectionsFor(ctx.session.user.role).map((s) => s.key),
  })),
  setLocale: protectedProcedure
    .input(z.object({ locale: localeSchema }))
    .mutation(({ ctx, input }) => service.setOwnLocale(ctx.db, ctx.session.user, input.locale)),
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) =>
    service.revokeOwnSessions(ctx.db, ctx.session.user),
  ),
});

import { z } from "zod";
import { listAudit } from "@/server/audit/queries";
import { createTRPCRouter, permissionProcedure } from "../init";

export const auditRouter = createTRPCRouter({
  list: permissionProcedure("audit.view")
    .input(
      z.object({
        entityType: z.string().max(40).optional(),
        entityId: z.string().max(80).optional(),
        cursor: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, { ...input, beforeId: input.cursor })),
});

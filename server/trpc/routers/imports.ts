import { z } from "zod";
import { DomainError } from "@/server/errors";
import { processImport } from "@/server/imports/jobs";
import { FIELD_LABELS, FIELDS, PRESETS, REQUIRED_FIELDS } from "@/server/imports/presets";
import { getImport, listImports } from "@/server/imports/queries";
import { setImportMapping } from "@/server/imports/service";
import { createTRPCRouter, permissionProcedure } from "../init";

const imports = permissionProcedure("imports.manage");
const id = z.object({ id: z.number().int().positive() });

async function mustGet(db: Parameters<typeof getImport>[0], importId: number) {
  const row = await getImport(db, importId);
  if (!row)
    throw new DomainError("NOT_FOUND", `Import ${importId} not found`, {
      messageKey: "imports.errors.notFound",
    });
  return row;
}

export const importsRouter = createTRPCRouter({
  list: imports
    .input(
      z.object({
        shopId: z.string().optional(),
        cursor: z.number().int().optional(),
        limit: z.int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) =>
      listImports(ctx.db, { shopId: input.shopId, beforeId: input.cursor, limit: input.limit }),
    ),
  byId: imports.input(id).query(({ ctx, input }) => mustGet(ctx.db, input.id)),
  /** What the mapping screen offers: canonical fields, which are required, and the presets. */
  fields: imports.query(() => ({
    fields: FIELDS.map((f) => ({
      field: f,
      label: FIELD_LABELS[f],
      required: (REQUIRED_FIELDS as readonly string[]).includes(f),
    })),
    presets: PRESETS.map((p) => ({ id: p.id, label: p.label })),
  })),
  setMapping: imports
    .input(
      id.extend({ mapping: z.record(z.string(), z.string()), save: z.boolean().default(true) }),
    )
    .mutation(async ({ ctx, input }) => {
      await setImportMapping(ctx.db, input.id, input.mapping, input.save);
      const row = await mustGet(ctx.db, input.id);
      return processImport(ctx.db, { batchId: input.id, step: "preview" }, { rows: row.totalRows });
    }),
  commit: imports.input(id).mutation(async ({ ctx, input }) => {
    const row = await mustGet(ctx.db, input.id);
    if (row.status !== "previewed" || row.error) {
      throw new DomainError("CONFLICT", "Fix the column mapping before importing", {
        messageKey: "imports.errors.notReady",
      });
    }
    return processImport(ctx.db, { batchId: input.id, step: "commit" }, { rows: row.totalRows });
  }),
});

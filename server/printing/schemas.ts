import { z } from "zod";
import { labelTemplates } from "@/db/schema/waybills";

/** Label, pick list and packing slip batches share print_batches; the A4 ones use "A4". */
export const printKinds = ["label", "pick_list", "packing_slip"] as const;
export type PrintKind = (typeof printKinds)[number];

const parcelIds = z
  .array(z.number().int().positive())
  .min(1)
  .max(1000)
  // Duplicates would print the same label twice in one batch and break the jobs' primary key.
  .transform((ids) => [...new Set(ids)]);

export const printableFilter = z.object({
  /** false: "waybill issued but not printed" (the default view); true: printed at least once. */
  printed: z.boolean().default(false),
  q: z.string().trim().max(64).optional(),
  accountId: z.string().optional(),
  warehouseId: z.string().optional(),
  cursor: z.object({ issuedAt: z.date(), id: z.number().int() }).optional(),
  limit: z.int().min(1).max(500).default(100),
});
export type PrintableFilter = z.infer<typeof printableFilter>;

export const labelsInput = z.object({
  parcelIds,
  /** Masks the recipient's name and phone as couriers do; on unless explicitly turned off. */
  privacy: z.boolean().default(true),
  /** Prints every label at this size instead of each account's own template. */
  template: z.enum(labelTemplates).optional(),
});
export type LabelsInput = z.infer<typeof labelsInput>;

export const recordInput = z
  .object({
    parcelIds,
    kind: z.enum(printKinds).default("label"),
    template: z.enum([...labelTemplates, "A4"]),
    reprintReason: z.string().trim().max(200).optional(),
  })
  .refine((v) => (v.kind === "label") === (v.template !== "A4"), {
    message: "Labels print at a label size; pick lists and packing slips on A4",
    path: ["template"],
  });
export type RecordInput = z.infer<typeof recordInput>;

export const historyFilter = z.object({
  kind: z.enum(printKinds).optional(),
  parcelId: z.number().int().positive().optional(),
  /** Keyset cursor: the id of the last batch already shown. */
  cursor: z.number().int().optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type HistoryFilter = z.infer<typeof historyFilter>;

export const packingSlipsInput = z.object({ parcelIds });
export type PackingSlipsInput = z.infer<typeof packingSlipsInput>;

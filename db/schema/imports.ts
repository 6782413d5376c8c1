import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { shops } from "./orders";

/** Batch imports: the raw file is kept for audit; rejected rows are kept to hand back. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shopId: text("shop_id")
      .notNull()
      .references(() => shops.id),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }),
    encoding: text("encoding"),
    preset: text("preset"),
    /** Field → column header chosen for this import. */
    mapping: jsonb("mapping").$type<Record<string, string>>(),
    status: text("status", {
      enum: ["uploaded", "previewing", "previewed", "committing", "committed", "failed"],
    }).notNull(),
    error: text("error"),
    totalRows: integer("total_rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    rejectedRows: integer("rejected_rows").notNull().default(0),
    skippedRows: integer("skipped_rows").notNull().default(0),
    ordersCreated: integer("orders_created").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    /** The first rows as parsed, for the preview table. */
    previewRows: jsonb("preview_rows").$type<unknown[]>(),
    headers: jsonb("headers").$type<string[]>(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
  },
  (t) => [
    index("import_batches_created_at_idx").on(t.createdAt.desc().nullsFirst()),
    index("import_batches_shop_id_idx").on(t.shopId),
    index("import_batches_created_by_idx").on(t.createdBy),
  ],
);

export const importRows = pgTable(
  "import_rows",
  {
    batchId: bigint("batch_id", { mode: "number" })
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    cells: jsonb("cells").$type<string[]>().notNull(),
    errors: jsonb("errors")
      .$type<{ field: string | null; code: string; message: string }[]>()
      .notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNumber] })],
);

/** Binary data: a Buffer in and out, on postgres.js (Buffer) and PGlite (Uint8Array) alike. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Size of one part of a stored upload. */
export const IMPORT_FILE_PART_BYTES = 1 << 20;

/**
 * The uploaded file exactly as uploaded (kept for audit, read by the preview), in parts of 1 MiB:
 * every message to and from the database stays small. (Stored whole, a 50 MB upload was one
 * 67 MB base64 value, and the driver's receive buffer held it for the rest of the process.)
 */
export const importFileParts = pgTable(
  "import_file_parts",
  {
    batchId: bigint("batch_id", { mode: "number" })
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    part: integer("part").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.part] })],
);

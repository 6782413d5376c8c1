import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { and, eq, sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/bulk";
import { readBytes, type Db, type Tx } from "@/db/client";
import {
  IMPORT_FILE_PART_BYTES,
  importBatches,
  importFileParts,
  importRows,
  orders,
  shops,
} from "@/db/schema";
import { DomainError } from "@/server/errors";
import { insertNewOrderGraphs } from "@/server/orders/bulk";
import type { NewOrder } from "@/server/orders/queries";
import { importAddressParser } from "./address";
import { forgetAnalysis, mappingKey, recallAnalysis, rememberAnalysis } from "./analysis-cache";
import {
  detectPreset,
  FIELDS,
  mappingFor,
  missingRequired,
  PRESETS,
  type ColumnMapping,
  type Field,
} from "./presets";
import { errorColumnHeader, rowErrorLabels } from "./error-labels";
import { validateRows, type ImportOrder, type RejectedRow, type RowErrorCode } from "./rows";
import { readTable, TableReadError, writeTable, type Table } from "./table";

/** How many orders one commit transaction holds: big enough for speed, small enough to interleave. */
const COMMIT_CHUNK = 2000;
const PREVIEW_ROWS = 20;
/** Order numbers per "already imported?" query: one array parameter each. */
const EXISTING_CHUNK = 20_000;

export async function createImport(
  db: Db,
  actorId: string | null,
  input: { shopId: string; fileName: string; bytes: Uint8Array },
) {
  const [shop] = await db.select({ id: shops.id }).from(shops).where(eq(shops.id, input.shopId));
  if (!shop)
    throw new DomainError("INVALID", "Choose a shop", {
      fields: { shopId: "imports.errors.shop" },
    });
  if (input.bytes.length === 0) {
    throw new DomainError("INVALID", "The file is empty", {
      fields: { file: "imports.errors.empty" },
    });
  }
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const batch = await db.transaction(async (tx) => {
    // The stored parts are TOASTed; pglz spends ~0.5 s of server CPU on a 30 MB export, lz4 a
    // tenth of that. Where the server lacks lz4 (PGlite) the setting is skipped and pglz stays.
    if (bytes.length > IMPORT_FILE_PART_BYTES) {
      await tx.execute(sql`do $$ begin
        perform set_config('default_toast_compression', 'lz4', true);
      exception when others then null;
      end $$`);
    }
    const [row] = await tx
      .insert(importBatches)
      .values({
        shopId: input.shopId,
        fileName: input.fileName,
        fileSha256: createHash("sha256").update(bytes).digest("hex"),
        status: "uploaded",
        createdBy: actorId,
      })
      .returning({ id: importBatches.id });
    // One statement per part, so no message carries more than one part. The bytes travel as
    // base64 text: postgres.js sends a Buffer as hex, twice its size, and the server decodes
    // base64 at about the same speed (a 24 MB upload: 0.25 s instead of 0.5 s).
    for (let part = 0; part * IMPORT_FILE_PART_BYTES < bytes.length; part++) {
      const from = part * IMPORT_FILE_PART_BYTES;
      const chunk = bytes.subarray(from, from + IMPORT_FILE_PART_BYTES).toString("base64");
      await tx.insert(importFileParts).values({
        batchId: row!.id,
        part,
        bytes: sql`decode(${chunk}, 'base64')`,
      });
    }
    return row!;
  });
  return { id: batch.id };
}

type Batch = typeof importBatches.$inferSelect;

async function loadBatch(db: Db, id: number): Promise<Batch> {
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, id));
  if (!batch)
    throw new DomainError("NOT_FOUND", `Import ${id} not found`, {
      messageKey: "imports.errors.notFound",
    });
  return batch;
}

/** The file of an import exactly as uploaded (empty if the import does not exist). */
export async function loadImportFile(db: Db, id: number): Promise<Buffer> {
  if (!Number.isSafeInteger(id)) return Buffer.alloc(0);
  // Raw bytes, not hex or base64 text (see readBytes): 24 MB in ~0.1 s instead of ~0.5 s.
  const parts = await readBytes(
    db,
    `select bytes from import_file_parts where batch_id = ${id} order by part`,
  );
  return Buffer.concat(parts);
}

/** Header text → column index for a mapping saved by header names (user mappings survive column moves). */
function mappingFromHeaders(saved: Record<string, string>, headers: string[]): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [field, header] of Object.entries(saved)) {
    const i = headers.indexOf(header);
    if (i >= 0 && (FIELDS as readonly string[]).includes(field)) out[field as Field] = i;
  }
  return out;
}

/** The batch's own mapping if it has one, else a preset that fits, else the shop's saved one. */
async function resolveMapping(
  db: Db,
  batch: Batch,
  headers: string[],
): Promise<{ preset: string | null; mapping: ColumnMapping }> {
  if (batch.mapping)
    return { preset: "manual", mapping: mappingFromHeaders(batch.mapping, headers) };
  const detected = detectPreset(headers);
  const [shop] = await db
    .select({ saved: shops.importMapping })
    .from(shops)
    .where(eq(shops.id, batch.shopId));
  const saved = shop?.saved ? mappingFromHeaders(shop.saved, headers) : null;
  if (detected && missingRequired(mappingFor(detected, headers)).length === 0) {
    return { preset: detected.id, mapping: mappingFor(detected, headers) };
  }
  if (saved && missingRequired(saved).length === 0) return { preset: "saved", mapping: saved };
  return {
    preset: detected?.id ?? null,
    mapping: detected ? mappingFor(detected, headers) : {},
  };
}

type SheetRow = { rowNumber: number; cells: string[] };

/**
 * What preview and commit need of a file, without the table itself: the parsed rows are dropped
 * as soon as they are validated, keeping only the first rows (the preview table) and the cells
 * of rejected rows (stored for the rejected-rows file).
 */
interface Analysis {
  format: Table["format"];
  encoding: Table["encoding"];
  headers: string[];
  totalRows: number;
  preset: string | null;
  mapping: ColumnMapping;
  missing: Field[];
  orders: ImportOrder[];
  rejected: (RejectedRow & { cells: string[] })[];
  sample: SheetRow[];
}

/** Reads, maps and validates the stored file; the same pure pipeline for preview and commit. */
async function analyse(db: Db, batch: Batch, load: () => Promise<Uint8Array>): Promise<Analysis> {
  // The file's bytes are needed only while it is read into a table.
  const table = await load().then((bytes) => readTable(bytes, batch.fileName));
  const { preset, mapping } = await resolveMapping(db, batch, table.headers);
  const rowAt = (i: number): SheetRow => ({
    rowNumber: table.rowNumbers[i] ?? i + 2,
    cells: table.rows[i]!,
  });
  const base = {
    format: table.format,
    encoding: table.encoding,
    headers: table.headers,
    totalRows: table.rows.length,
    preset,
    mapping,
    sample: table.rows.slice(0, PREVIEW_ROWS).map((_, i) => rowAt(i)),
  };
  const missing = missingRequired(mapping);
  if (missing.length > 0) return { ...base, missing, orders: [], rejected: [] };
  const { orders: found, rejected } = validateRows(table.rows, table.rowNumbers, mapping, {
    parseAddress: importAddressParser(),
  });
  // Row numbers ascend through the table, so each rejected row is found by binary search.
  const indexOf = (rowNumber: number) => {
    let lo = 0;
    let hi = table.rowNumbers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = table.rowNumbers[mid]!;
      if (n === rowNumber) return mid;
      if (n < rowNumber) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  return {
    ...base,
    missing,
    orders: found,
    rejected: rejected.map((r) => ({ ...r, cells: table.rows[indexOf(r.rowNumber)] ?? [] })),
  };
}

/** Which of these platform order numbers the shop already has (one array parameter per query). */
async function existingOrderNos(db: Db, shopId: string, nos: string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let i = 0; i < nos.length; i += EXISTING_CHUNK) {
    const rows = await db
      .select({ no: orders.platformOrderNo })
      .from(orders)
      .where(
        and(
          eq(orders.shopId, shopId),
          sql`${orders.platformOrderNo} = any(${arrayLiteral(nos.slice(i, i + EXISTING_CHUNK))}::text[])`,
        ),
      );
    for (const r of rows) existing.add(r.no);
  }
  return existing;
}

const headerMapping = (mapping: ColumnMapping, headers: string[]) =>
  Object.fromEntries(
    Object.entries(mapping)
      .filter(([, i]) => i !== undefined && headers[i] !== undefined)
      .map(([field, i]) => [field, headers[i]!]),
  );

/** Preview: counts, first rows, per-row errors; nothing is imported yet. */
export async function previewImport(db: Db, id: number) {
  const batch = await loadBatch(db, id);
  await db
    .update(importBatches)
    .set({ status: "previewing", error: null })
    .where(eq(importBatches.id, id));
  forgetAnalysis(id);
  let a: Analysis;
  try {
    a = await analyse(db, batch, () => loadImportFile(db, id));
  } catch (error) {
    const message = error instanceof TableReadError ? error.message : "The file could not be read.";
    await db
      .update(importBatches)
      .set({ status: "failed", error: message })
      .where(eq(importBatches.id, id));
    if (!(error instanceof TableReadError)) throw error;
    return;
  }
  const existing = await existingOrderNos(
    db,
    batch.shopId,
    a.orders.map((o) => o.orderNo),
  );
  let skippedRows = 0;
  let validRows = 0;
  const sampleRows = new Set(a.sample.map((r) => r.rowNumber));
  const orderOfRow = new Map<number, ImportOrder>();
  for (const o of a.orders) {
    if (existing.has(o.orderNo)) skippedRows += o.rowNumbers.length;
    else validRows += o.rowNumbers.length;
    for (const n of o.rowNumbers) if (sampleRows.has(n)) orderOfRow.set(n, o);
  }
  const errorsByRow = new Map(a.rejected.map((r) => [r.rowNumber, r.errors]));
  const preview = a.sample.map(({ rowNumber, cells }) => {
    const order = orderOfRow.get(rowNumber);
    return {
      rowNumber,
      cells,
      errors: errorsByRow.get(rowNumber) ?? [],
      alreadyImported: order ? existing.has(order.orderNo) : false,
      region: order
        ? [order.recipient.provinceName, order.recipient.cityName, order.recipient.countyName]
            .filter(Boolean)
            .join(" ")
        : null,
    };
  });
  const savedMapping = headerMapping(a.mapping, a.headers);
  await db.transaction(async (tx) => {
    await tx.delete(importRows).where(eq(importRows.batchId, id));
    for (let i = 0; i < a.rejected.length; i += 2000) {
      await tx.insert(importRows).values(
        a.rejected.slice(i, i + 2000).map((r) => ({
          batchId: id,
          rowNumber: r.rowNumber,
          cells: r.cells,
          errors: r.errors,
        })),
      );
    }
    await tx
      .update(importBatches)
      .set({
        status: "previewed",
        format: a.format,
        encoding: a.encoding,
        preset: a.preset,
        mapping: savedMapping,
        headers: a.headers,
        totalRows: a.totalRows,
        validRows,
        rejectedRows: a.rejected.length,
        skippedRows,
        previewRows: preview,
        error: a.missing.length ? `Missing columns: ${a.missing.join(", ")}` : null,
      })
      .where(eq(importBatches.id, id));
  });
  if (a.missing.length === 0 && a.orders.length > 0) {
    // The commit resolves its mapping from the header names saved just above; that is what the
    // cached orders must match (it differs from a.mapping only if two columns share a header).
    rememberAnalysis({
      batchId: id,
      fileSha256: batch.fileSha256,
      headers: a.headers,
      mappingKey: mappingKey(mappingFromHeaders(savedMapping, a.headers)),
      orders: a.orders,
    });
  }
}

/** Lets the user map columns by hand (and keep that mapping for the shop's next files). */
export async function setImportMapping(
  db: Db,
  id: number,
  mapping: Partial<Record<Field, string>>,
  save: boolean,
) {
  const batch = await loadBatch(db, id);
  if (batch.status !== "previewed" && batch.status !== "failed") {
    throw new DomainError("CONFLICT", "This import is no longer in preview", {
      messageKey: "imports.errors.notPreview",
    });
  }
  const clean = Object.fromEntries(Object.entries(mapping).filter(([, h]) => h)) as Record<
    string,
    string
  >;
  await db.update(importBatches).set({ mapping: clean }).where(eq(importBatches.id, id));
  if (save) await db.update(shops).set({ importMapping: clean }).where(eq(shops.id, batch.shopId));
}

/**
 * The valid orders of the batch as the commit's mapping reads them: from the preview this process
 * just ran when batch, file and mapping are the same, otherwise by analysing the stored file.
 */
async function ordersToCommit(db: Db, batch: Batch): Promise<ImportOrder[]> {
  const cached = recallAnalysis(batch.id, batch.fileSha256);
  if (cached) {
    const { mapping } = await resolveMapping(db, batch, cached.headers);
    if (mappingKey(mapping) === cached.mappingKey) {
      // The commit takes the orders over: chunks are released as they are stored, and a retry
      // after a failure reads the file again.
      forgetAnalysis(batch.id);
      return cached.orders;
    }
  }
  const a = await analyse(db, batch, () => loadImportFile(db, batch.id));
  if (a.missing.length) {
    throw new DomainError("CONFLICT", `Missing columns: ${a.missing.join(", ")}`, {
      messageKey: "imports.errors.mapping",
    });
  }
  return a.orders;
}

export type CommitOptions = {
  /**
   * Chunks in flight at once, each its own transaction on its own connection. Use 2 on PostgreSQL
   * (the server works on one chunk while this process prepares the next, and uses a second core);
   * keep 1 on PGlite, which has a single connection.
   */
  concurrency?: number;
  /** Orders per chunk (transaction); the default suits files of any size. */
  chunkSize?: number;
};

/**
 * Commits the valid rows: orders inserted in chunks, each chunk its own transaction, with progress
 * recorded after each. Orders already in the database are skipped, so a re-import or a resumed
 * crashed commit changes nothing that is already there.
 */
export async function commitImport(db: Db, id: number, options: CommitOptions = {}) {
  const batch = await loadBatch(db, id);
  if (batch.status !== "previewed" && batch.status !== "committing") {
    throw new DomainError("CONFLICT", `This import is ${batch.status}`, {
      messageKey: "imports.errors.notPreview",
    });
  }
  await db
    .update(importBatches)
    .set({ status: "committing", processedRows: 0, ordersCreated: 0 })
    .where(eq(importBatches.id, id));
  let found: ImportOrder[] | null = await ordersToCommit(db, batch);
  const [shop] = await db
    .select({
      id: shops.id,
      defaultWarehouseId: shops.defaultWarehouseId,
      autoShip: shops.autoShip,
    })
    .from(shops)
    .where(eq(shops.id, batch.shopId));
  const existing = await existingOrderNos(
    db,
    batch.shopId,
    found.map((o) => o.orderNo),
  );
  // Chunks of the orders not yet in the database; each chunk is released once stored.
  const chunks: (ImportOrder[] | null)[] = [];
  const size = Math.max(1, Math.floor(options.chunkSize ?? COMMIT_CHUNK));
  let chunk: ImportOrder[] = [];
  for (const o of found) {
    if (existing.has(o.orderNo)) continue;
    chunk.push(o);
    if (chunk.length === size) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  found = null;

  const now = new Date();
  let created = 0;
  let processed = 0;
  let next = 0;
  let failed = false;
  const work = async () => {
    while (!failed && next < chunks.length) {
      const k = next++;
      const part = chunks[k]!;
      chunks[k] = null;
      const rows = part.reduce((s, o) => s + o.rowNumbers.length, 0);
      // The orders were checked absent above: the plain insert, falling back to skipping any
      // that arrived since.
      const ids = await db.transaction(async (tx) => {
        await commitWithoutWaitingForDisk(tx);
        return insertNewOrderGraphs(
          tx,
          part.map((o) => toNewOrder(o, shop!, id, now)),
          `import:${id}`,
        );
      });
      const fresh = ids.filter((x): x is number => x !== null);
      created += fresh.length;
      // Committed: a shop that auto-ships gets these orders' parcels assigned (a durable job).
      // Loaded only then: the import worker stays small (it runs under a 384 MB heap cap).
      if (shop?.autoShip && fresh.length > 0) {
        const { enqueueAutoShip } = await import("@/server/waybills/auto-ship");
        await enqueueAutoShip(db, { orderIds: fresh });
      }
      processed += rows;
      // Chunks finish out of order when several are in flight: progress only moves forward.
      await db.transaction(async (tx) => {
        await commitWithoutWaitingForDisk(tx);
        await tx
          .update(importBatches)
          .set({
            processedRows: sql`greatest(${importBatches.processedRows}, ${processed})`,
            ordersCreated: sql`greatest(${importBatches.ordersCreated}, ${created})`,
          })
          .where(eq(importBatches.id, id));
      });
      await yieldToEventLoop();
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(options.concurrency ?? 1), chunks.length));
  const results = await Promise.allSettled(
    Array.from({ length: workers }, () =>
      work().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
  await db
    .update(importBatches)
    .set({
      status: "committed",
      committedAt: new Date(),
      ordersCreated: created,
      processedRows: processed,
    })
    .where(eq(importBatches.id, id));
  forgetAnalysis(id);
  return { ordersCreated: created };
}

/**
 * The chunks and progress of a commit do not wait for their WAL to reach the disk
 * (`synchronous_commit = off` for the transaction); the final status update does, and its flush
 * covers everything written before it, since the WAL is one sequence. A crash of the database
 * server in between can lose the last chunks (a fraction of a second of them) but never leaves
 * the tables inconsistent, and nothing claims them: the batch still says "committing", and a
 * resumed commit skips the orders that are there. Spares a disk flush per chunk.
 */
async function commitWithoutWaitingForDisk(tx: Tx) {
  await tx.execute(sql`set local synchronous_commit = off`);
}

function toNewOrder(
  o: ImportOrder,
  shop: Pick<typeof shops.$inferSelect, "id" | "defaultWarehouseId">,
  batchId: number,
  now: Date,
): NewOrder {
  const r = o.recipient;
  return {
    shopId: shop.id,
    platformOrderNo: o.orderNo,
    source: "import",
    warehouseId: shop.defaultWarehouseId,
    paidAt: o.paidAt ?? now,
    recipientName: r.name,
    recipientMobile: r.mobile,
    recipientMobileExt: r.mobileExt ?? null,
    provinceCode: r.provinceCode,
    cityCode: r.cityCode,
    countyCode: r.countyCode,
    regionText: [r.provinceName, r.cityName, r.countyName].filter(Boolean).join(" "),
    addressDetail: r.detail,
    buyerRemark: o.buyerRemark,
    sellerRemark: o.sellerRemark,
    importBatchId: batchId,
    items: o.items.map((it) => ({
      sku: it.sku,
      name: it.name,
      barcode: it.barcode,
      quantity: it.quantity,
      unitPriceFen: it.unitPriceFen ?? 0,
      weightG: it.weightG,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      isVirtual: it.isVirtual,
    })),
  };
}

/** The rejected rows as a file in the uploaded format and encoding, with an error column added. */
export async function rejectedRowsFile(db: Db, id: number, locale: "zh-CN" | "en") {
  const batch = await loadBatch(db, id);
  const rows = await db
    .select()
    .from(importRows)
    .where(eq(importRows.batchId, id))
    .orderBy(importRows.rowNumber);
  const headers = [...(batch.headers ?? []), errorColumnHeader[locale]];
  const bytes = await writeTable({
    format: batch.format ?? "csv",
    encoding: batch.encoding as Table["encoding"],
    headers,
    rows: rows.map((r) => [
      ...r.cells,
      r.errors
        .map((e) => `${rowErrorLabels[e.code as RowErrorCode]?.[locale] ?? e.code}: ${e.message}`)
        .join("; "),
    ]),
  });
  const base = batch.fileName.replace(/\.(csv|xlsx|txt)$/i, "");
  return {
    bytes,
    fileName: `${base}-rejected.${batch.format === "xlsx" ? "xlsx" : "csv"}`,
    format: batch.format ?? "csv",
  };
}

export { PRESETS };

import { desc, eq, lt, and, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { importBatches, importRows, shops, users } from "@/db/schema";

/** Import history, newest first: who, when, which file, what came of it. */
export async function listImports(
  db: Db | Tx,
  p: { shopId?: string; beforeId?: number; limit: number },
) {
  const where: SQL[] = [];
  if (p.shopId) where.push(eq(importBatches.shopId, p.shopId));
  if (p.beforeId) where.push(lt(importBatches.id, p.beforeId));
  const rows = await db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      shopName: shops.name,
      status: importBatches.status,
      preset: importBatches.preset,
      totalRows: importBatches.totalRows,
      validRows: importBatches.validRows,
      rejectedRows: importBatches.rejectedRows,
      skippedRows: importBatches.skippedRows,
      ordersCreated: importBatches.ordersCreated,
      createdAt: importBatches.createdAt,
      committedAt: importBatches.committedAt,
      createdByName: users.name,
    })
    .from(importBatches)
    .innerJoin(shops, eq(shops.id, importBatches.shopId))
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .where(and(...where))
    .orderBy(desc(importBatches.id))
    .limit(p.limit + 1);
  const hasMore = rows.length > p.limit;
  const items = hasMore ? rows.slice(0, p.limit) : rows;
  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}

/** One import as the preview screen shows it (never the file bytes). */
export async function getImport(db: Db | Tx, id: number) {
  const [row] = await db
    .select({
      id: importBatches.id,
      shopId: importBatches.shopId,
      fileName: importBatches.fileName,
      fileSha256: importBatches.fileSha256,
      format: importBatches.format,
      encoding: importBatches.encoding,
      preset: importBatches.preset,
      mapping: importBatches.mapping,
      headers: importBatches.headers,
      status: importBatches.status,
      error: importBatches.error,
      totalRows: importBatches.totalRows,
      validRows: importBatches.validRows,
      rejectedRows: importBatches.rejectedRows,
      skippedRows: importBatches.skippedRows,
      ordersCreated: importBatches.ordersCreated,
      processedRows: importBatches.processedRows,
      previewRows: importBatches.previewRows,
      createdAt: importBatches.createdAt,
      committedAt: importBatches.committedAt,
    })
    .from(importBatches)
    .where(eq(importBatches.id, id));
  if (!row) return null;
  const rejected = await db
    .select({ rowNumber: importRows.rowNumber, cells: importRows.cells, errors: importRows.errors })
    .from(importRows)
    .where(eq(importRows.batchId, id))
    .orderBy(importRows.rowNumber)
    .limit(200);
  return { ...row, rejected };
}

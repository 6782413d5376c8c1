import { sql, type SQL } from "drizzle-orm";
import { resultRows, type Db, type Tx } from "./client";

export type BulkColumnType = "text" | "bigint" | "int" | "boolean" | "timestamptz";

export type BulkColumn = {
  name: string;
  type: BulkColumnType;
  values: readonly unknown[];
};

/** Characters that must be backslash-escaped inside a quoted array element. */
const ESCAPE = /["\\]/g;

const hasEscapes = (text: string) => text.includes('"') || text.includes("\\");

/** One element of a literal: quoted, so "NULL", "{,}" and blanks stay text. */
function element(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  // Numbers and booleans as PostgreSQL reads them; dates come as ISO strings already.
  const text =
    typeof v === "string"
      ? v
      : typeof v === "number" || typeof v === "boolean" || typeof v === "bigint"
        ? String(v)
        : JSON.stringify(v);
  return hasEscapes(text) ? `"${text.replace(ESCAPE, "\\$&")}"` : `"${text}"`;
}

/**
 * A PostgreSQL array literal ('{"a","b",NULL}'). Sent as one text parameter and cast on the server,
 * because the two drivers disagree on binding JS arrays (postgres.js types them by their first
 * element) while both pass a string through unchanged. Every element is quoted, so "NULL", "{,}"
 * and blanks stay text; only `"` and `\` need escaping, and most values have neither.
 *
 * An import builds ~30 of these per 2,000 orders, so the usual columns take native paths: a column
 * of plain values is joined once (and checked for escapes once, on the joined text), a column of
 * NULLs is repeated; only a column mixing NULLs with values is built element by element.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const n = values.length;
  if (n === 0) return "{}";
  let nulls = 0;
  let plain = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls++;
    else if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
      plain = false;
  }
  if (nulls === n) return `{${"NULL,".repeat(n - 1)}NULL}`;
  if (nulls === 0 && plain && !hasEscapes(values.join(""))) return `{"${values.join('","')}"}`;
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = element(values[i]);
  return `{${parts.join(",")}}`;
}

/** `unnest($1::text[], $2::bigint[], …)`: the columns as one array parameter each. */
export function unnestArrays(columns: readonly Pick<BulkColumn, "type" | "values">[]): SQL {
  return sql.join(
    columns.map((c) => sql`${arrayLiteral(c.values)}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
}

/**
 * INSERT … SELECT FROM unnest($1::type[], $2::type[], …): one parameter per column however many
 * rows, so a 2,000-row insert is one small statement instead of 40,000 bound values. This is how the
 * import reaches COPY-like speed through the same transaction and constraints as everything else.
 * Timestamps go as ISO strings; `suffix` carries ON CONFLICT / RETURNING.
 */
export async function bulkInsert<T = unknown>(
  db: Db | Tx,
  table: string,
  columns: BulkColumn[],
  suffix: SQL = sql``,
): Promise<T[]> {
  if (columns.length === 0 || columns[0]!.values.length === 0) return [];
  const names = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const result = await db.execute(
    sql`insert into ${sql.identifier(table)} (${names}) select * from unnest(${unnestArrays(columns)}) ${suffix}`,
  );
  return resultRows<T>(result);
}

/** Rows outside a bulk statement that it references: checked and locked as a set before it runs. */
export type ExternalReference = {
  table: string;
  column: string;
  values: readonly (string | null | undefined)[];
};

/**
 * Runs one bulk insert with its foreign keys checked as a set instead of row by row.
 *
 * PostgreSQL checks a foreign key with one lookup and lock per inserted row (an import of 100k
 * rows makes ~650k of them, a third of its database time). For a statement whose rows reference
 * either rows it inserts itself (an order's items, its parcel and the links between them, joined
 * to the inserted rows by construction) or a few rows outside it (the shop, the warehouse), the
 * same guarantee costs one query: every outside row is locked FOR KEY SHARE, exactly the lock
 * the per-row check takes, so none can be deleted or re-keyed until the transaction ends; and
 * only if all of them exist does the statement run with `session_replication_role = replica`,
 * which skips the per-row checks (pg_restore loads data the same way). The setting is local to a
 * savepoint and put back right after the statement; on an error the savepoint's rollback puts it
 * back.
 *
 * Where the role may not change the setting (PostgreSQL 15+: `GRANT SET ON PARAMETER
 * session_replication_role TO …`, superusers can) or an outside row is missing, the statement runs
 * with the usual per-row checks, which then report any violation as usual. The constraints stay
 * declared either way, and every other writer is checked by them row by row.
 *
 * Only for statements that insert into tables without triggers of their own: replica mode skips
 * ordinary triggers too (db/bulk.int.test.ts checks those tables have none).
 */
export async function withSetCheckedReferences<T>(
  tx: Tx,
  references: ExternalReference[],
  statement: (tx: Tx) => Promise<T>,
): Promise<{ result: T; setChecked: boolean }> {
  return tx.transaction(async (sp) => {
    const checks = references.map((r) => ({
      ...r,
      values: [...new Set(r.values.filter((v): v is string => typeof v === "string"))],
    }));
    const locked = sql.join(
      checks.map(
        (r, i) =>
          sql`${sql.raw(`r${i}`)} as (select 1 from ${sql.identifier(r.table)} where ${sql.identifier(r.column)} = any(${arrayLiteral(r.values)}::text[]) for key share)`,
      ),
      sql`, `,
    );
    const counts = sql.join(
      checks.map((_, i) => sql`(select count(*) from ${sql.raw(`r${i}`)})::int`),
      sql`, `,
    );
    const [found] = resultRows<{ found: number[] }>(
      await sp.execute(
        checks.length
          ? sql`with ${locked} select array[${counts}] as found`
          : sql`select array[]::int[] as found`,
      ),
    );
    const allThere = checks.every((r, i) => Number(found?.found[i]) === r.values.length);
    if (allThere) {
      await sp.execute(sql`do $$ begin
        perform set_config('session_replication_role', 'replica', true);
      exception when insufficient_privilege then null;
      end $$`);
    }
    const result = await statement(sp);
    // Put the per-row checks back for whatever the transaction does next (only where the
    // setting took, so a role that may not change it is not asked to).
    const [reset] = resultRows<{ was: string | null }>(
      await sp.execute(sql`select case when current_setting('session_replication_role') = 'replica'
        then set_config('session_replication_role', 'origin', true) end as was`),
    );
    return { result, setChecked: reset?.was != null };
  });
}

import { sql, type SQL } from "drizzle-orm";
import { resultRows, type Db, type Tx } from "./client";

export type BulkColumnType = "text" | "bigint" | "int" | "boolean" | "timestamptz";

export type BulkColumn = {
  name: string;
  type: BulkColumnType;
  values: readonly unknown[];
};

/** Characters that must be backslash-escaped inside a quoted array element. */
const NEEDS_ESCAPE = /["\\]/;
const ESCAPE = /["\\]/g;

/**
 * A PostgreSQL array literal ('{"a","b",NULL}'). Sent as one text parameter and cast on the server,
 * because the two drivers disagree on binding JS arrays (postgres.js types them by their first
 * element) while both pass a string through unchanged. Every element is quoted, so "NULL", "{,}"
 * and blanks stay text; only `"` and `\` need escaping, and most values have neither.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  if (values.length === 0) return "{}";
  // Fast path, the usual column: no NULLs and nothing to escape, so one join builds the literal.
  let plain = true;
  for (const v of values) {
    if (typeof v === "string" ? NEEDS_ESCAPE.test(v) : typeof v !== "number") {
      plain = false;
      break;
    }
  }
  if (plain) return `{"${values.join('","')}"}`;
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    if (v === null || v === undefined) {
      out += "NULL";
      continue;
    }
    // Numbers and booleans as PostgreSQL reads them; dates come as ISO strings already.
    const text =
      typeof v === "string"
        ? v
        : typeof v === "number" || typeof v === "boolean" || typeof v === "bigint"
          ? String(v)
          : JSON.stringify(v);
    out += NEEDS_ESCAPE.test(text) ? `"${text.replace(ESCAPE, "\\$&")}"` : `"${text}"`;
  }
  return `${out}}`;
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

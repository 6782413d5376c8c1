import { sql } from "drizzle-orm";
import { resultRows, type Db } from "../client";

/**
 * Rows of these tables whose foreign keys point nowhere, per constraint (tests of writers that
 * check references as a set rather than row by row: whatever they wrote must still satisfy every
 * declared constraint). Read from the catalog, so a constraint added later is checked too.
 */
export async function foreignKeyViolations(
  db: Db,
  tables: string[],
): Promise<{ constraint: string; orphans: number }[]> {
  const constraints = resultRows<{
    name: string;
    child: string;
    parent: string;
    cols: string[];
    refcols: string[];
  }>(
    await db.execute(sql`
      select c.conname as name, c.conrelid::regclass::text as child,
        c.confrelid::regclass::text as parent,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refcols
      from pg_constraint c
      where c.contype = 'f' and c.conrelid::regclass::text = any(${`{${tables.join(",")}}`}::text[])
      order by 1`),
  );
  const out: { constraint: string; orphans: number }[] = [];
  for (const c of constraints) {
    const notNull = sql.join(
      c.cols.map((col) => sql`x.${sql.identifier(col)} is not null`),
      sql` and `,
    );
    const matches = sql.join(
      c.cols.map((col, i) => sql`p.${sql.identifier(c.refcols[i]!)} = x.${sql.identifier(col)}`),
      sql` and `,
    );
    const [row] = resultRows<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ${sql.identifier(c.child)} x
        where ${notNull} and not exists (select 1 from ${sql.identifier(c.parent)} p where ${matches})`),
    );
    out.push({ constraint: c.name, orphans: Number(row?.n ?? 0) });
  }
  return out;
}

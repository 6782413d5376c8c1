import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Keyset pagination for lists ordered newest first by (time desc, id desc): the rows after the
 * last one shown. A row comparison, `(time, id) < (at, id)`, because btree takes it as one range
 * condition on the (time desc, id desc) index: a page deep in the list costs what the first
 * costs. (Spelled `time < at or (time = at and id < id)`, only `time <= at` reaches the index.)
 */
export function olderThan(time: AnyColumn, id: AnyColumn, cursor: { at: Date; id: number }): SQL {
  return sql`(${time}, ${id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})`;
}

import { and, eq, lt, or, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Keyset pagination for lists ordered newest first by (time desc, id desc): the rows after the
 * last one shown, `time < at or (time = at and id < id)`, which the (time desc, id desc) index
 * answers without an offset.
 */
export function olderThan(time: AnyColumn, id: AnyColumn, cursor: { at: Date; id: number }): SQL {
  return or(lt(time, cursor.at), and(eq(time, cursor.at), lt(id, cursor.id)))!;
}

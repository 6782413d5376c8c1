import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withSetCheckedReferences } from "./bulk";
import { resultRows, sqlState, type Tx } from "./client";
import { withTestDb } from "./testing/test-db";

const t = withTestDb();
const db = () => t.current.db;

const rows = async <T>(tx: Tx | ReturnType<typeof db>, query: ReturnType<typeof sql>) =>
  resultRows<T>(await tx.execute(query));

const replicationRole = async (tx: Tx) =>
  (
    await rows<{ role: string }>(
      tx,
      sql`select current_setting('session_replication_role') as role`,
    )
  )[0]!.role;

/** Children referencing a parent outside the statement (a shop, a warehouse). */
const insertChildren = (tx: Tx, parent: string, ids: number[]) =>
  tx.execute(
    sql`insert into bulk_child (id, parent_id) select id, ${parent} from unnest(${`{${ids.join(",")}}`}::int[]) as id`,
  );

const foreignKeyError = (e: unknown) => sqlState(e) === "23503";

/** What a promise rejects with, or null if it resolves. */
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

beforeAll(async () => {
  await db().execute(sql`create table bulk_parent (id text primary key)`);
  await db().execute(
    sql`create table bulk_child (id int primary key, parent_id text not null references bulk_parent (id))`,
  );
  await db().execute(sql`insert into bulk_parent values ('p1'), ('p2')`);
});

describe("withSetCheckedReferences", () => {
  it("locks the outside rows, skips the per-row checks for the statement only, and puts them back", async () => {
    await db().transaction(async (tx) => {
      const before = await rows<{ locked: boolean }>(
        tx,
        sql`select xmax::text <> '0' as locked from bulk_parent where id = 'p1'`,
      );
      expect(before).toEqual([{ locked: false }]);
      const { setChecked } = await withSetCheckedReferences(
        tx,
        [{ table: "bulk_parent", column: "id", values: ["p1", "p1", null] }],
        async (sp) => {
          expect(await replicationRole(sp)).toBe("replica");
          return insertChildren(sp, "p1", [1, 2, 3]);
        },
      );
      expect(setChecked).toBe(true);
      // Back to per-row checks for the rest of the transaction.
      expect(await replicationRole(tx)).toBe("origin");
      // The parent row carries this transaction's lock until it ends (FOR KEY SHARE, as the
      // per-row check would have taken), so it cannot be deleted meanwhile.
      const after = await rows<{ locked: boolean }>(
        tx,
        sql`select xmax::text <> '0' as locked from bulk_parent where id = 'p1'`,
      );
      expect(after).toEqual([{ locked: true }]);
      const dangling = await errorOf(tx.transaction((sp) => insertChildren(sp, "nobody", [4])));
      expect(foreignKeyError(dangling)).toBe(true);
    });
    const [n] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from bulk_child`);
    expect(n).toEqual({ n: 3 });
  });

  it("checks row by row when an outside row is missing, so the violation is reported and nothing is written", async () => {
    const error = await errorOf(
      db().transaction((tx) =>
        withSetCheckedReferences(
          tx,
          [{ table: "bulk_parent", column: "id", values: ["p2", "gone"] }],
          async (sp) => {
            expect(await replicationRole(sp)).toBe("origin");
            return insertChildren(sp, "gone", [10, 11]);
          },
        ),
      ),
    );
    expect(foreignKeyError(error)).toBe(true);
    const [n] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from bulk_child where id >= 10`,
    );
    expect(n).toEqual({ n: 0 });
  });

  it("puts the per-row checks back when the statement fails inside a transaction that goes on", async () => {
    await db().transaction(async (tx) => {
      const failed = await errorOf(
        withSetCheckedReferences(
          tx,
          [{ table: "bulk_parent", column: "id", values: ["p2"] }],
          async (sp) => {
            await insertChildren(sp, "p2", [20]);
            await insertChildren(sp, "p2", [20]); // duplicate key
          },
        ),
      );
      expect(failed).not.toBeNull();
      expect(await replicationRole(tx)).toBe("origin");
    });
  });

  it("falls back to per-row checks for a role that may not change the setting", async () => {
    // Roles are cluster-wide on a PostgreSQL server: a name of this run's own, dropped after.
    const role = sql.raw(`bulk_limited_${Math.random().toString(36).slice(2, 8)}`);
    await db().execute(sql`create role ${role}`);
    try {
      await db().execute(sql`grant select, insert, update on bulk_parent, bulk_child to ${role}`);
      const result = await db().transaction(async (tx) => {
        await tx.execute(sql`set local role ${role}`);
        const out = await withSetCheckedReferences(
          tx,
          [{ table: "bulk_parent", column: "id", values: ["p2"] }],
          async (sp) => {
            expect(await replicationRole(sp)).toBe("origin");
            return insertChildren(sp, "p2", [30, 31]);
          },
        );
        const dangling = await errorOf(tx.transaction((sp) => insertChildren(sp, "nobody", [32])));
        expect(foreignKeyError(dangling)).toBe(true);
        return out;
      });
      expect(result.setChecked).toBe(false);
      const [n] = await rows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from bulk_child where id between 30 and 39`,
      );
      expect(n).toEqual({ n: 2 });
    } finally {
      await db().execute(sql`revoke all on bulk_parent, bulk_child from ${role}`);
      await db().execute(sql`drop role ${role}`);
    }
  });
});

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql, type ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Runs raw SQL for libraries that bring their own queries (the job queue). */
export type RawSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type DbHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Raw access; a multi-statement string without values runs as one simple-protocol batch. */
  raw: RawSql;
  close: () => Promise<void>;
  /** PGlite only: the data folder as a tarball, to clone a prepared database in tests. */
  dumpImage?: () => Promise<Blob>;
};

export type DbTarget =
  | { url: string }
  /** `image`: a PGlite data-folder dump to start from (tests clone a migrated database this way). */
  | { dataDir: string | null; image?: Blob };

/**
 * Opens a database: postgres.js for a URL, otherwise PGlite in `dataDir` (in memory when null).
 * This is the only place that knows which driver runs.
 */
export async function openDb(target: DbTarget): Promise<DbHandle> {
  if ("url" in target) {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres({ client, schema }),
      driver: "postgres",
      raw: async (text, values) => {
        const rows = await client.unsafe(text, values as postgres.ParameterOrJSON<never>[]);
        return { rows: Array.from(rows) };
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  // Loaded only for the embedded database: PGlite's WebAssembly build adds ~60 MB to the RSS of
  // every process that imports it, and a worker on PostgreSQL never uses it.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  const dataDir = target.dataDir ? path.resolve(target.dataDir) : undefined;
  if (dataDir) claimDataDir(dataDir);
  const client = await PGlite.create({
    dataDir,
    loadDataDir: target.image,
  });
  return {
    db: drizzlePglite({ client, schema }),
    driver: "pglite",
    raw: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close: async () => {
      await client.close();
      if (dataDir) releaseDataDir(dataDir);
    },
    dumpImage: () => client.dumpDataDir("none"),
  };
}

/**
 * PGlite is single-process: a second process opening the same folder would corrupt it. A pid file
 * beside the folder turns that into a clear error (e.g. `npm run admin:create` while the console runs).
 */
function claimDataDir(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const lock = `${dataDir}.pid`;
  try {
    const pid = Number(readFileSync(lock, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATABASE_URL.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lock, String(process.pid));
}

function releaseDataDir(dataDir: string) {
  rmSync(`${dataDir}.pid`, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

type Global = { __expressDb?: Promise<DbHandle> };
const g = globalThis as Global;

/**
 * The process-wide database. Kept on globalThis because Next bundles route handlers and
 * instrumentation separately, and PGlite's data folder may be opened only once per process.
 */
export function getDbHandle(): Promise<DbHandle> {
  g.__expressDb ??= import("@/server/env").then(({ env }) =>
    openDb(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DIR }),
  );
  return g.__expressDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/**
 * `db.execute` returns the rows themselves on postgres.js and `{ rows }` on PGlite; callers of raw
 * SQL read them through this so nothing else needs to know which driver runs.
 */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}

/**
 * The SQLSTATE of a database error as postgres.js and PGlite report it (drizzle wraps it in
 * `cause`), e.g. "23505" unique_violation, "23503" foreign_key_violation; undefined otherwise.
 */
export function sqlState(error: unknown): string | undefined {
  let e = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The signature that opens PostgreSQL's binary COPY format. */
const COPY_SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * The values of a query's one bytea column, row by row, as raw bytes. postgres.js reads bytea as
 * hex text (twice the size, encoded by the server and decoded here), and `encode(…, 'base64')`
 * costs the server as much again; so on PostgreSQL the rows come through `COPY (query) TO STDOUT
 * (FORMAT binary)`, as they are stored. PGlite hands bytea over as bytes already.
 *
 * `query` is a complete SELECT of one bytea column, with its values written in (COPY takes no
 * parameters): callers pass only numbers they have checked.
 */
export async function readBytes(db: Db, query: string): Promise<Buffer[]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (typeof client !== "function") {
    const rows = resultRows<Record<string, Uint8Array>>(await db.execute(sql.raw(query)));
    return rows.map((row) => {
      const value = Object.values(row)[0]!;
      return Buffer.isBuffer(value) ? value : Buffer.from(value);
    });
  }
  const stream = await (client as postgres.Sql)
    .unsafe(`COPY (${query}) TO STDOUT (FORMAT binary)`)
    .readable();
  // Read in flowing mode, to the end. (Not with `for await`: that destroys the stream when the
  // data ends, and a socket paused by the last chunk was then never resumed, so the connection
  // hung before its ReadyForQuery.)
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  return parseBinaryCopy(Buffer.concat(chunks));
}

/** The single column of each row of a binary COPY stream (the format of the COPY documentation). */
export function parseBinaryCopy(data: Buffer): Buffer[] {
  if (!data.subarray(0, COPY_SIGNATURE.length).equals(COPY_SIGNATURE)) {
    throw new Error("not a binary COPY stream");
  }
  // Signature, flags (int32), header extension length (int32) and the extension.
  let at = COPY_SIGNATURE.length + 4;
  at += 4 + data.readInt32BE(at);
  const values: Buffer[] = [];
  for (;;) {
    const fields = data.readInt16BE(at);
    at += 2;
    if (fields === -1) return values;
    if (fields !== 1) throw new Error(`expected one column, got ${fields}`);
    const length = data.readInt32BE(at);
    at += 4;
    if (length < 0) throw new Error("unexpected NULL");
    values.push(data.subarray(at, at + length));
    at += length;
  }
}

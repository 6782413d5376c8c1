import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import autocannon from "autocannon";
import postgres from "postgres";
import type { Figure } from "./harness";

/** Rows shaped like an order export line, so later import figures compare like with like. */
function* csvRows(n: number): Generator<string> {
  for (let i = 0; i < n; i++) {
    yield `ORD${String(i).padStart(9, "0")},张三${i % 97},1380013${String(i % 10000).padStart(4, "0")},浙江省杭州市西湖区文三路${i % 500}号,SKU-${i % 300},${(i % 5) + 1},${200 + (i % 3000)}\n`;
  }
}

/** Raw `COPY FROM STDIN` of `rows` CSV rows into a fresh database: the ceiling for any import. */
export async function copyBaseline(url: string, rows: number): Promise<Figure[]> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `express_bench_${randomBytes(3).toString("hex")}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const sql = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql`CREATE TABLE copy_probe (order_no text, name text, phone text, address text, sku text, qty int, weight_g int)`;
    const started = performance.now();
    const writable = await sql`COPY copy_probe FROM STDIN WITH (FORMAT csv)`.writable();
    await pipeline(Readable.from(csvRows(rows)), writable);
    const seconds = (performance.now() - started) / 1000;
    const [{ n }] = (await sql`SELECT count(*)::int AS n FROM copy_probe`) as unknown as [
      { n: number },
    ];
    if (n !== rows) throw new Error(`COPY stored ${n} of ${rows} rows`);
    return [
      {
        group: "baseline",
        name: `raw COPY ${rows} rows (PostgreSQL)`,
        value: rows / seconds,
        unit: "rows/s",
      },
    ];
  } finally {
    await sql.end();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Starts the production build on a throw-away embedded database; the caller stops it. */
export async function startConsole(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), "express-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PGLITE_DIR: path.join(dir, "pglite"),
    DEMO: "1",
    NODE_ENV: "production",
    // The bench measures order creation, not the per-key limiter (600/min by default).
    API_RATE_LIMIT_PER_MINUTE: "100000000",
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    "npx",
    ["next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env,
      stdio: "ignore",
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Requests per second and latency of one route under `connections` concurrent clients. */
export async function loadRoute(
  url: string,
  label: string,
  seconds = 8,
  connections = 16,
): Promise<Figure[]> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${label}: ${result.non2xx} non-2xx and ${result.errors} errors under load`);
  }
  return [
    {
      group: "baseline",
      name: `${label} req/s`,
      value: result.requests.average,
      unit: "req/s",
      note: `${connections} connections`,
    },
    { group: "baseline", name: `${label} p50`, value: result.latency.p50, unit: "ms" },
    { group: "baseline", name: `${label} p99`, value: result.latency.p99, unit: "ms" },
  ];
}

/**
 * REST order creation under load: each request is a new order (unique platform order no), with the
 * demo API key, against the same server as the bare-route baseline.
 */
export async function loadOrderCreation(
  baseUrl: string,
  apiKey: string,
  seconds = 8,
  connections = 16,
): Promise<Figure[]> {
  let n = 0;
  const run = Date.now().toString(36);
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/api/v1/orders",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        setupRequest: (req) => {
          n += 1;
          return {
            ...req,
            body: JSON.stringify({
              shop: "demo-shop",
              platformOrderNo: `BENCH-${run}-${n}`,
              paidAt: new Date().toISOString(),
              recipient: {
                name: "张三",
                mobile: "13800138000",
                address: "浙江省杭州市西湖区文三路100号",
              },
              items: [
                {
                  sku: "MT-BEAN-500",
                  name: "意式拼配豆 500g",
                  quantity: 1,
                  unitPriceFen: 8800,
                  weightG: 520,
                },
              ],
            }),
          };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `REST order creation: ${result.non2xx} non-2xx and ${result.errors} errors under load`,
    );
  }
  const label = "REST POST /api/v1/orders (embedded)";
  return [
    {
      group: "orders",
      name: `${label} orders/s`,
      value: result.requests.average,
      unit: "orders/s",
      note: `${connections} connections`,
    },
    { group: "orders", name: `${label} p50`, value: result.latency.p50, unit: "ms" },
    { group: "orders", name: `${label} p99`, value: result.latency.p99, unit: "ms" },
  ];
}

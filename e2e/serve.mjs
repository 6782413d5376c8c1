// Builds the console and serves it on a throw-away embedded database with the demo seeded.
import { execSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const port = process.env.E2E_PORT ?? "3100";
// One data folder per port, so two suites (NEXT_DIST_DIR + E2E_PORT) can run side by side.
const root = port === "3100" ? ".data/e2e" : `.data/e2e-${port}`;
const dataDir = `${root}/pglite`;
rmSync(root, { recursive: true, force: true });
if (!process.env.E2E_SKIP_BUILD) execSync("npx next build", { stdio: "inherit" });
const env = {
  ...process.env,
  PORT: port,
  PGLITE_DIR: dataDir,
  DEMO: "1",
  NODE_ENV: "production",
  SIGNIN_RATE_LIMIT: "1000",
};
// Every test signs in from 127.0.0.1; the limiter itself is covered by server/auth/auth.int.test.ts.
delete env.DATABASE_URL;
const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

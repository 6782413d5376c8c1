import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("./", import.meta.url));
const alias = { "@": root, "server-only": `${root}server/testing/server-only-shim.ts` };

/**
 * Three projects: pure unit tests, integration tests on embedded PGlite (always), and the same
 * integration tests on a real PostgreSQL server whenever TEST_DATABASE_URL is set.
 */
const intProject = (name: string, driver: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name,
    include: ["server/**/*.int.test.ts", "db/**/*.int.test.ts"],
    environment: "node",
    env: { TEST_DB_DRIVER: driver },
    globalSetup: ["db/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      intProject("int-pglite", "pglite"),
      ...(process.env.TEST_DATABASE_URL ? [intProject("int-postgres", "postgres")] : []),
    ],
  },
});

import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/** The product's Worker in real workerd, with a test secret, in development or production mode. */
function workerd(mode: "development" | "production") {
  return cloudflareTest({
    main: "./src/index.ts",
    wrangler: { configPath: "./wrangler.toml" },
    miniflare: {
      bindings: {
        EDGELIT_SECRET: "edgelit-test-secret-0123456789abcdefghijklmnop",
        EDGELIT_ENV: mode,
        EDGELIT_SESSION_TTL_SECONDS: "86400",
      },
    },
  });
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "examples/**/*.test.ts", "test/app/**/*.test.ts", "bench/**/*.test.ts", "test/reliability/**/*.test.ts"],
        },
      },
      {
        // The Worker and the session Durable Object in real workerd (wrangler.toml's bindings).
        plugins: [workerd("development")],
        test: {
          name: "workers",
          include: ["test/workers/**/*.test.ts"],
          // bench/fuzz.mjs raises the fuzz test's case count (FUZZ_CASES) for the long run.
          provide: { fuzzCases: Number(process.env.FUZZ_CASES ?? 300), fuzzSeed: Number(process.env.FUZZ_SEED ?? 20260426), fuzzBatch: Number(process.env.FUZZ_BATCH ?? 1) },
        },
      },
      {
        // The same Worker in production mode (exception details redacted, SEMANTICS R96).
        plugins: [workerd("production")],
        test: {
          name: "workers-production",
          include: ["test/workers-production/**/*.test.ts"],
        },
      },
      {
        // End-to-end in Debian's Chromium against one `wrangler dev` (see test/browser/global-setup.ts).
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});

/**
 * Vitest global setup of the "browser" project: one `wrangler dev` for the whole run, its base
 * URL handed to the tests with `provide` (read it with `inject("baseUrl")`).
 */
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startDevServer } from "./dev-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export default async function setup(project: TestProject) {
  const server = await startDevServer({ cwd: repoRoot, logFile: `${repoRoot}test-results/browser/wrangler.log` });
  project.provide("baseUrl", server.url);
  return async () => {
    const reloads = server.reloads();
    if (reloads > 0) {
      console.warn(`wrangler dev reloaded ${reloads} time(s) during this run because files changed; see ${server.logFile}.`);
    }
    await server.stop();
  };
}

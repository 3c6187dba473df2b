#!/usr/bin/env node
/**
 * Builds the served extension from its readable source: src/client/edgelit.js, minified, becomes
 * public/_edgelit/edgelit-0.1.0.js (committed, so a fresh clone serves it without a build).
 * Comments and long names cost the first load about 1.7 KB gzipped, a tenth of its budget.
 *   npm run build:client          write it
 *   npm run build:client -- --check   exit 1 when the committed file is out of date
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const source = fileURLToPath(new URL("../src/client/edgelit.js", import.meta.url));
const target = fileURLToPath(new URL("../public/_edgelit/edgelit-0.1.0.js", import.meta.url));

/** The served text for the current source. */
export async function buildClient() {
  const { code } = await transform(readFileSync(source, "utf8"), { minify: true, target: "es2020", legalComments: "none" });
  return `/* Edgelit's htmx extension, built from src/client/edgelit.js (npm run build:client). */\n${code}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildClient();
  if (process.argv.includes("--check")) {
    const current = readFileSync(target, "utf8");
    if (current !== built) {
      console.error(`${target} is out of date: run npm run build:client`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, built);
    console.log(`wrote ${target} (${built.length} bytes)`);
  }
}

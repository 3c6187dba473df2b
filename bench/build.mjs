// Bundles the bench Worker (the product over bench/apps) and the baseline echo Worker with
// esbuild, as wrangler does, into bench/.build/. The product's `../apps` import is redirected to
// bench/apps/index.ts so the benchmark apps never enter the user gallery.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
export const OUT = path.join(here, ".build");

const benchRegistry = {
  name: "bench-registry",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/apps(\/index(\.ts)?)?$/ }, (args) => {
      const from = path.relative(path.join(here, ".."), args.importer);
      if (from.startsWith("bench")) return undefined;
      return { path: path.join(here, "apps/index.ts") };
    });
  },
};

const common = {
  bundle: true,
  format: "esm",
  target: "es2022",
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  external: ["cloudflare:*"],
  minify: false,
  logLevel: "warning",
};

export async function buildWorkers() {
  await build({ ...common, entryPoints: [path.join(here, "worker.ts")], outfile: path.join(OUT, "worker.js"), plugins: [benchRegistry] });
  await build({ ...common, entryPoints: [path.join(here, "baseline.ts")], outfile: path.join(OUT, "baseline.js") });
  return { worker: path.join(OUT, "worker.js"), baseline: path.join(OUT, "baseline.js") };
}

/** The engine for Node (goal 3): bench/apps plus the pure runtime and render modules. */
export async function buildEngine() {
  const outfile = path.join(OUT, "engine.mjs");
  await build({ ...common, platform: "node", entryPoints: [path.join(here, "engine-entry.ts")], outfile });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildWorkers());

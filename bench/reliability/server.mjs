/**
 * The built Worker (dist/index.js) under Miniflare with Durable Object storage persisted on disk,
 * listening on 127.0.0.1. Run as its own process group so a bench can SIGKILL it, workerd and all:
 *   node bench/reliability/server.mjs <storage dir>   → prints "READY <url>" once listening.
 */
import { Log, LogLevel, Miniflare } from "miniflare";

export const SECRET = "edgelit-bench-secret-0123456789abcdefghijklmnop";

const storage = process.argv[2];
if (!storage) throw new Error("usage: node bench/reliability/server.mjs <storage dir>");

const mf = new Miniflare({
  scriptPath: "dist/index.js",
  modules: true,
  compatibilityDate: "2026-04-26",
  durableObjects: { SESSION: { className: "Session", useSQLite: true } },
  durableObjectsPersist: storage,
  bindings: { EDGELIT_SECRET: SECRET, EDGELIT_ENV: "development", EDGELIT_SESSION_TTL_SECONDS: "86400" },
  host: "127.0.0.1",
  port: 0,
  log: new Log(LogLevel.WARN),
});
const url = await mf.ready;
process.stdout.write(`READY ${url.href}\n`);
const stop = () => mf.dispose().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

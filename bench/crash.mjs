#!/usr/bin/env node
/**
 * Crash-safety bench: builds the bundle, serves it under Miniflare with on-disk Durable Object
 * storage, SIGKILLs it mid-traffic and restarts it, and prints JSON; `lost` must be 0.
 *   node bench/crash.mjs [--sessions 20] [--kills 3] [--traffic-ms 1500]
 */
import { parseArgs } from "node:util";
import { runCrash } from "./reliability/crash.mjs";

const { values } = parseArgs({
  options: { sessions: { type: "string", default: "20" }, kills: { type: "string", default: "3" }, "traffic-ms": { type: "string", default: "1500" } },
});
const result = await runCrash({ sessions: Number(values.sessions), kills: Number(values.kills), trafficMs: Number(values["traffic-ms"]) });
console.log(JSON.stringify(result));
process.exitCode = result.lost === 0 && result.problems.length === 0 ? 0 : 1;

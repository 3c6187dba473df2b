#!/usr/bin/env node
/**
 * `npm run soak`: the long reliability runs, each bounded in time, printed as one JSON object.
 * The crash loop (many sessions, several SIGKILLs) and the big fuzz (10,000 hostile events).
 *   node bench/soak.mjs [--fuzz-cases 10000] [--sessions 20] [--kills 5]
 */
import { parseArgs } from "node:util";
import { runCrash } from "./reliability/crash.mjs";
import { runFuzz } from "./fuzz.mjs";

const { values } = parseArgs({
  options: {
    "fuzz-cases": { type: "string", default: "10000" },
    sessions: { type: "string", default: "20" },
    kills: { type: "string", default: "5" },
    "fuzz-timeout-s": { type: "string", default: "1500" },
  },
});

const started = Date.now();
const crash = await runCrash({ sessions: Number(values.sessions), kills: Number(values.kills), trafficMs: 2000 });
const fuzz = await runFuzz({ cases: Number(values["fuzz-cases"]), seed: Date.now() % 100_000, timeoutS: Number(values["fuzz-timeout-s"]) });
const ok = crash.lost === 0 && crash.problems.length === 0 && fuzz.passed && fuzz.stateChanges === 0;
console.log(JSON.stringify({ ok, seconds: Math.round((Date.now() - started) / 1000), crash, fuzz }));
process.exitCode = ok ? 0 : 1;

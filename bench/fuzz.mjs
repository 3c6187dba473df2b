#!/usr/bin/env node
/**
 * Long fuzz of event posts: runs test/workers/fuzz.test.ts in workerd again and again with fresh
 * seeds, CHUNK cases a run (one long run slows down steadily inside the test pool), until the
 * requested count or the time budget is reached. Prints JSON: sent, rejectedCleanly,
 * stateChanges (must be 0).
 *   node bench/fuzz.mjs [--cases 10000] [--seed 1] [--timeout-s 900]
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";

const CHUNK = 500;

/** One vitest run of the fuzz test; resolves with its FUZZ-RESULT. */
function runChunk(cases, seed, timeoutMs) {
  const child = spawn("npx", ["vitest", "run", "--project", "workers", "test/workers/fuzz.test.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FUZZ_CASES: String(cases), FUZZ_SEED: String(seed), FORCE_COLOR: "0" },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }, timeoutMs);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = output.match(/FUZZ-RESULT (\{.*\})/);
      const result = line ? JSON.parse(line[1]) : null;
      const failures = [...output.matchAll(/"#\d+ [^"]*"/g)].map((m) => m[0]).slice(0, 20);
      resolve({ result, passed: code === 0 && !timedOut && result !== null, timedOut, failures });
    });
  });
}

export async function runFuzz({ cases = 10_000, seed = 1, timeoutS = 900 } = {}) {
  const deadline = Date.now() + timeoutS * 1000;
  const total = { seed, chunkCases: CHUNK, sent: 0, rejectedCleanly: 0, stateChanges: 0, runs: 0, passed: true, timedOut: false, failures: [], byCategory: {} };
  while (total.sent < cases) {
    const left = deadline - Date.now();
    if (left < 30_000) {
      total.timedOut = true;
      break;
    }
    const chunk = await runChunk(Math.min(CHUNK, cases - total.sent), seed + total.runs, left);
    total.runs++;
    if (!chunk.result) {
      total.passed = false;
      total.timedOut ||= chunk.timedOut;
      total.failures.push(...chunk.failures);
      break;
    }
    total.sent += chunk.result.sent;
    total.rejectedCleanly += chunk.result.rejectedCleanly;
    total.stateChanges += chunk.result.stateChanges;
    for (const [category, n] of Object.entries(chunk.result.byCategory)) total.byCategory[category] = (total.byCategory[category] ?? 0) + n;
    total.passed &&= chunk.passed;
    total.failures.push(...chunk.failures);
  }
  total.passed &&= total.sent >= cases && !total.timedOut;
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { cases: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, "timeout-s": { type: "string", default: "900" } },
  });
  const result = await runFuzz({ cases: Number(values.cases), seed: Number(values.seed), timeoutS: Number(values["timeout-s"]) });
  console.log(JSON.stringify(result));
  process.exitCode = result.passed && result.stateChanges === 0 ? 0 : 1;
}

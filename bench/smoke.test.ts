// A smoke run of five bench scripts (seconds, no thresholds): they build, start workerd, drive the
// product and print well-formed result lines. The figures themselves are `npm run bench`'s job.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

async function results(script: string, env: Record<string, string> = {}) {
  const { stdout } = await run(process.execPath, [`bench/${script}`], { env: { ...process.env, ...env }, timeout: 60_000 });
  return stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
}

describe("bench scripts", () => {
  it("perf-bytes measures an event and a full page", async () => {
    const [line] = await results("perf-bytes.mjs");
    expect(line).toMatchObject({ name: "bytes-per-event", goal: expect.any(String), ok: expect.any(Boolean) });
    expect(line.value).toBeGreaterThan(0);
    expect(line.baseline).toBeGreaterThan(line.value);
  }, 60_000);

  it("perf-engine times rerun, render and diff", async () => {
    const [line] = await results("perf-engine.mjs", { BENCH_SMOKE: "1" });
    expect(line).toMatchObject({ name: "engine-event-1000", ok: expect.any(Boolean) });
    expect(line.cpuMs100).toBeGreaterThan(0);
    expect(line.linearityLargeYoungGen).toBeGreaterThan(0);
  }, 60_000);

  it("perf-throughput measures capacity in a closed loop and p99 in an open one", async () => {
    const [throughput, p99] = await results("perf-throughput.mjs", { BENCH_SESSIONS: "20", BENCH_DURATION: "1" });
    expect(throughput).toMatchObject({ name: "event-throughput", errors: 0, sessions: 20 });
    expect(throughput.value).toBeGreaterThan(0);
    expect(throughput.baseline).toBeGreaterThan(0);
    expect(p99).toMatchObject({ name: "event-p99-at-half-baseline-capacity", seconds: 2, errors: 0, errorKinds: {} });
    // The open loop sent the rate it was given, for both, and timed every answer.
    expect(p99.baselineAchievedRate).toBeGreaterThan(0.8 * p99.rate);
    expect(p99.achievedRate).toBeGreaterThan(0);
    expect(p99.value).toBeGreaterThanOrEqual(p99.p50);
    expect(p99.max).toBeGreaterThanOrEqual(p99.value);
    expect(p99.atHalfOwnCapacity).toMatchObject({ rate: Math.round(throughput.value / 2), errors: 0 });
    expect(p99.atHalfOwnCapacity.p99).toBeGreaterThan(0);
  }, 60_000);

  it("gc-trace reads V8's collections under the open loop from plain workerd", async () => {
    const [line] = await results("gc-trace.mjs", { SESSIONS: "20", DURATION: "2", RATE: "100" });
    expect(line).toMatchObject({ name: "gc-trace", target: "edgelit", sessions: 20, errors: 0 });
    expect(line.events).toBe(200);
    expect(line.p99).toBeGreaterThanOrEqual(line.p50);
    // Two seconds of 100 events over 20 sessions allocate enough for at least one young collection.
    expect(line.youngCollections).toBeGreaterThan(0);
    expect(line.allocatedKbPerEvent).toBeGreaterThan(0);
    expect(line.survivedKbPerEvent).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(line.fullCollections)).toBe(true);
    // The longest times without an answer: at 100 events/s the gaps between answers are ~10 ms.
    expect(line.longestStalls).toHaveLength(3);
    for (const stall of line.longestStalls) expect(stall.ms).toBeGreaterThan(0);
    expect(line.longestStalls[0].ms).toBeGreaterThanOrEqual(line.longestStalls[2].ms);
  }, 60_000);

  it("compare serves the echo and this checkout side by side", async () => {
    const lines = await results("compare.mjs", { SESSIONS: "4", ROUNDS: "1", BURST: "1" });
    expect(lines.map((line) => line.build)).toEqual(["echo", process.cwd()]);
    const [echo, product] = lines;
    expect(echo.cpuRatioToFirst).toBe(1);
    expect(product.cpuMs).toBeGreaterThan(0);
    expect(product.rps).toBeGreaterThan(0);
    expect(product.cpuRatioToFirst).toBeCloseTo(product.cpuMs / echo.cpuMs, 1);
  }, 60_000);
});

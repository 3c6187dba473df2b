// A smoke run of three bench scripts (seconds, no thresholds): they build, start workerd, drive the
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

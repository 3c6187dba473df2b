// The fast crash check of `npm test` (bench/crash.mjs runs the long one): SIGKILL mid-traffic,
// restart on the same storage, no acknowledged click lost.
import { describe, expect, it } from "vitest";
import { runCrash } from "../../bench/reliability/crash.mjs";

describe("crash safety", () => {
  it("keeps every acknowledged click across a SIGKILL of the server and a restart", async () => {
    const result = await runCrash({ sessions: 4, kills: 1, trafficMs: 1200 });
    console.log(`CRASH-RESULT ${JSON.stringify(result)}`);
    expect(result.problems).toEqual([]);
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(result.lost).toBe(0);
    expect(result.found).toBeGreaterThanOrEqual(result.acknowledged);
    expect(result.found - result.acknowledged).toBeLessThanOrEqual(result.inFlightAtKill);
    expect(result.workingAfterRestart).toBe(4);
  }, 90_000);
});

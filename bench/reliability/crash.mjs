/**
 * Crash safety: clicks into many sessions, SIGKILL of the server (workerd included) mid-traffic,
 * restart on the same on-disk storage, then a check that every click answered 200 is in the
 * session's counter (higher only by clicks that were in flight when the server died).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BenchTab, build, killGroup, startServer } from "./client.mjs";

const APP = "/e2e/reliability";

/**
 * @param {{ sessions?: number, kills?: number, trafficMs?: number, concurrency?: number, skipBuild?: boolean }} options
 */
export async function runCrash({ sessions = 20, kills = 3, trafficMs = 1500, concurrency = 2, skipBuild = false } = {}) {
  if (!skipBuild) await build();
  const storage = await mkdtemp(join(tmpdir(), "edgelit-crash-"));
  const tabs = [];
  const baseline = [];
  const totals = { acknowledged: 0, found: 0, lost: 0, inFlightApplied: 0, inFlightAtKill: 0, errors: 0 };
  const problems = [];
  let server = null;
  try {
    for (let cycle = 0; cycle <= kills; cycle++) {
      server = await startServer(storage);
      if (cycle === 0) {
        for (let i = 0; i < sessions; i++) tabs.push(await new BenchTab(server.url, APP).open());
        for (const tab of tabs) baseline.push(tab.number("Clicks"));
      } else {
        for (const tab of tabs) tab.base = server.url;
      }
      if (cycle === kills) break;
      const acked = Array(sessions).fill(0);
      const unanswered = Array(sessions).fill(0);
      let stopped = false;
      const loops = tabs.flatMap((tab, s) =>
        Array.from({ length: concurrency }, async () => {
          while (!stopped) {
            try {
              const response = await tab.click("Click");
              if (response.status === 200) acked[s]++;
              else totals.errors++;
              await response.arrayBuffer().catch(() => undefined);
            } catch {
              unanswered[s]++; // in flight when the server died: it may or may not have been applied
              return;
            }
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, trafficMs * (0.5 + Math.random() / 2)));
      await killGroup(server.child);
      stopped = true;
      await Promise.all(loops);
      await checkPortClosed(server.url, problems);
      server = await startServer(storage);
      for (const [s, tab] of tabs.entries()) {
        tab.base = server.url;
        await tab.reload();
        const found = tab.number("Clicks") - baseline[s];
        if (found < acked[s]) problems.push(`session ${s}: ${acked[s]} clicks acknowledged, ${found} found`);
        if (found > acked[s] + unanswered[s]) problems.push(`session ${s}: ${found} found, more than ${acked[s]} acknowledged + ${unanswered[s]} in flight`);
        totals.acknowledged += acked[s];
        totals.found += found;
        totals.lost += Math.max(0, acked[s] - found);
        totals.inFlightAtKill += unanswered[s];
        totals.inFlightApplied += Math.max(0, found - acked[s]);
        baseline[s] += found;
      }
      await killGroup(server.child, "SIGTERM");
      server = null;
    }
    // After the last restart every session still takes events.
    let working = 0;
    for (const [s, tab] of tabs.entries()) {
      await tab.reload();
      const response = await tab.click("Click");
      await tab.reload();
      if (response.status === 200 && tab.number("Clicks") === baseline[s] + 1) working++;
      else problems.push(`session ${s} does not work after the restart (status ${response.status})`);
    }
    return { ...totals, sessions, kills, workingAfterRestart: working, problems };
  } finally {
    if (server) await killGroup(server.child);
    await rm(storage, { recursive: true, force: true });
  }
}

/** The kill must have taken workerd down too: nothing may answer on the old port. */
async function checkPortClosed(url, problems) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    problems.push(`something still answers on ${url} after SIGKILL`);
  } catch {
    // refused: workerd is gone
  }
}

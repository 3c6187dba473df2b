// Builds compared side by side: each checkout's Worker (and, as `echo`, the baseline) served at
// once, each in its own workerd, and loaded in turn in short closed-loop bursts, so a drift of the
// host's speed falls on all of them rather than on whichever ran last. Not a goal benchmark: it is
// how a change's effect on an event's CPU is told from the host's noise (the README's "measured
// side by side" figures). Prints one JSON line per build and judges nothing.
//   node bench/compare.mjs [echo] [<checkout>…]      (default: echo .)
//   git worktree add /tmp/before <rev> && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   node bench/compare.mjs /tmp/before .
// SESSIONS (default 300), ROUNDS (6), BURST seconds (2), APP (/bench/app-100). Local workerd evicts
// an object idle for 10 s, and a session waits for every other build's burst: keep
// SESSIONS / rate + (builds - 1) × BURST well under 10 s, or the figures include reloads.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { load } from "./load.mjs";
import { echoRequests, eventRequests, median, openEchoes, round, startBaseline } from "./lib.mjs";

const SESSIONS = Number(process.env.SESSIONS ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const BURST = Number(process.env.BURST ?? 2);
const APP = process.env.APP ?? "/bench/app-100";
const names = process.argv.slice(2).map((name) => (name === "echo" ? name : resolve(name)));
if (names.length === 0) names.push("echo", resolve("."));
// workerd refuses a module path that leaves its working directory through "..", as another
// checkout's bundle would from here; from the root no path needs to.
process.chdir("/");

/** The baseline echo, every object written once. */
async function echo() {
  return served(await startBaseline(), async (server) => {
    await openEchoes(server.url, SESSIONS);
    return echoRequests(SESSIONS);
  });
}

/** A checkout's product, built and served by its own bench/lib.mjs, every session opened. */
async function product(checkout) {
  const lib = await import(pathToFileURL(`${checkout}/bench/lib.mjs`).href);
  return served(await lib.startProduct(), async (server) => eventRequests(await lib.openPages(server.url, APP, SESSIONS)));
}

/** `server` with the request maker `prepare` returns; a failed set-up disposes of the server. */
async function served(server, prepare) {
  try {
    return { server, next: await prepare(server) };
  } catch (error) {
    await server.dispose();
    throw error;
  }
}

const builds = [];
try {
  for (const name of names) builds.push({ name, ...(name === "echo" ? await echo() : await product(name)), rounds: [] });
  // Set-up takes longer than an idle object lives: one burst each first, so every session is resident.
  for (const build of builds) await load(build.server, build.next, { duration: BURST });
  for (let pass = 0; pass < ROUNDS; pass++) {
    // Each round starts with the next build, so none always runs right after the same neighbour.
    for (let k = 0; k < builds.length; k++) {
      const build = builds[(pass + k) % builds.length];
      const result = await load(build.server, build.next, { duration: BURST });
      if (result.errors > 0) throw new Error(`${build.name}: ${result.errors} requests failed in round ${pass + 1}`);
      build.rounds.push(result);
    }
  }
  const first = builds[0];
  for (const build of builds) {
    const cpu = build.rounds.map((r) => r.cpuMsPerRequest);
    console.log(
      JSON.stringify({
        name: "compare",
        build: build.name,
        cpuMs: round(median(cpu)),
        cpuMsRounds: cpu.map((x) => round(x)),
        rps: round(median(build.rounds.map((r) => r.rps)), 0),
        p50: median(build.rounds.map((r) => r.p50)),
        writtenBytes: round(median(build.rounds.map((r) => r.writtenBytesPerRequest)), 0),
        // Each round's ratio to the first build's, then their median: paired, so drift cancels.
        cpuRatioToFirst: round(median(cpu.map((x, i) => x / first.rounds[i].cpuMsPerRequest))),
      }),
    );
  }
} finally {
  for (const build of builds) await build.server.dispose();
}

// What V8's garbage collector does under the event benchmark's load: the bench Worker (or, with
// TARGET=echo, the baseline) served by plain workerd with its GC trace on (`--trace-gc
// --trace-gc-nvp`, set in a workerd config written here, since Miniflare's options cannot set V8
// flags), SESSIONS sessions opened and warmed as perf-throughput does, then an open loop at RATE
// events/s for DURATION s. Prints one JSON line for the loop: per event, the bytes allocated, the
// bytes that survived a young-generation collection (copied) and those promoted to the old
// generation; the young collections' pauses; and each full (mark-compact) collection's pause, its
// marking time, the heap left after it, and the stall around it: the longest time in which no
// answer came, which is longer than the pause (workerd's C++ objects, freed once a full collection
// finds them dead, are finalized on the same thread right after it: README, "What the tail is made
// of"). Also the run's longest stalls and how far each was from a full collection's end. Not a goal
// benchmark (it judges nothing): how the README's "what the tail is made of" figures were measured.
//   node bench/gc-trace.mjs      RATE (default 415), DURATION (30), SESSIONS (1000), TARGET=echo
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import workerd from "workerd"; // the binary Miniflare runs (a dependency of wrangler and miniflare)
import { buildWorkers } from "./build.mjs";
import { openLoad } from "./load.mjs";
import { PRODUCT_BINDINGS, echoRequests, eventRequests, median, openEchoes, openPages, report, round, warmPages } from "./lib.mjs";

const RATE = Number(process.env.RATE ?? 415);
const DURATION = Number(process.env.DURATION ?? 30);
const SESSIONS = Number(process.env.SESSIONS ?? 1000);
const ECHO = process.env.TARGET === "echo";

const { worker, baseline } = await buildWorkers();
const dir = mkdtempSync(path.join(tmpdir(), "edgelit-gc-"));
const port = await freePort();
copyFileSync(ECHO ? baseline : worker, path.join(dir, "worker.js"));
mkdirSync(path.join(dir, "objects"));
writeFileSync(path.join(dir, "config.capnp"), config(port));

const trace = []; // [ms since the isolate started, the collection's fields, when its line came (performance.now())]
// workerd's stdout is a pipe, so its C library buffers the trace in 4 KB blocks; coreutils' stdbuf
// makes it flush each line, so a line's arrival is its collection's end (to a few ms).
const lineBuffered = existsSync("/usr/bin/stdbuf");
const command = lineBuffered ? ["/usr/bin/stdbuf", "-oL", workerd.default] : [workerd.default];
const child = spawn(command[0], [...command.slice(1), "serve", "config.capnp"], { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
let rest = "";
child.stdout.on("data", (chunk) => {
  const lines = (rest + chunk).split("\n");
  rest = lines.pop();
  for (const line of lines) {
    const found = /\s(\d+) ms: GC: (\{.*\})\s*$/.exec(line);
    if (found) trace.push([Number(found[1]), JSON.parse(found[2]), performance.now()]);
  }
});
child.stderr.resume();
const server = { url: `http://127.0.0.1:${port}`, pid: child.pid };
try {
  await ready(server.url);
  let next;
  if (ECHO) {
    await openEchoes(server.url, SESSIONS);
    next = echoRequests(SESSIONS);
  } else {
    const pages = await openPages(server.url, "/bench/app-100", SESSIONS);
    await warmPages(pages);
    next = eventRequests(pages);
  }
  const first = trace.length;
  const completions = [];
  const start = performance.now();
  const result = await openLoad(server, next, { duration: DURATION, rate: RATE, completions });
  await new Promise((resolve) => setTimeout(resolve, 200)); // the trace's last lines
  const during = trace.slice(first).map(([, fields]) => fields);
  const young = during.filter((gc) => gc.gc === "s");
  const full = during.filter((gc) => gc.gc !== "s");
  const fullEnds = trace.slice(first).filter(([, gc]) => gc.gc !== "s").map(([, , at]) => at);
  const gaps = gapsBetween(completions);
  const perEvent = (field) => round(young.reduce((sum, gc) => sum + gc[field], 0) / result.completed / 1024, 2);
  report({
    name: "gc-trace",
    target: ECHO ? "echo" : "edgelit",
    sessions: SESSIONS,
    rate: RATE,
    seconds: DURATION,
    events: result.completed,
    errors: result.errors,
    p50: result.p50,
    p99: result.p99,
    allocatedKbPerEvent: perEvent("allocated"),
    survivedKbPerEvent: perEvent("new_space_survived"),
    promotedKbPerEvent: perEvent("promoted"),
    youngCollections: young.length,
    youngPauseMs: { median: round(median(young.map((gc) => gc.pause)), 1), max: round(Math.max(0, ...young.map((gc) => gc.pause)), 1) },
    fullCollections: full.map((gc, i) => ({
      pauseMs: round(gc.pause, 1),
      markMs: round(gc.mark ?? 0, 1),
      incrementalMs: round(gc.incremental ?? 0, 1),
      heapAfterMb: round(gc.end_object_size / 1e6, 1),
      // The longest time without an answer that overlaps the pause or the 300 ms after it.
      stallMs: lineBuffered ? round(Math.max(0, ...gaps.filter(([from, to]) => to > fullEnds[i] - gc.pause && from < fullEnds[i] + 300).map(([from, to]) => to - from)), 0) : null,
    })),
    // The run's three longest times without an answer: when each began (ms into the loop) and how
    // far its start was from the nearest full collection's end (negative: before it).
    longestStalls: gaps
      .toSorted((a, b) => b[1] - b[0] - (a[1] - a[0]))
      .slice(0, 3)
      .map(([from, to]) => ({ ms: round(to - from, 0), at: round(from - start, 0), fromFullEnd: lineBuffered && fullEnds.length ? round(nearest(fullEnds, from), 0) : null })),
  });
} finally {
  try {
    process.kill(-child.pid, "SIGKILL"); // the whole group: workerd leaves no child serving
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
}

function config(port) {
  const bindings = ECHO
    ? `(name = "ECHO", durableObjectNamespace = "Echo")`
    : [
        ...Object.entries(PRODUCT_BINDINGS).map(([name, value]) => `(name = "${name}", text = ${JSON.stringify(value)})`),
        `(name = "SESSION", durableObjectNamespace = "Session")`,
      ].join(", ");
  const className = ECHO ? "Echo" : "Session";
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .w), (name = "disk", disk = (path = "${dir}/objects", writable = true)) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
  v8Flags = ["--trace-gc", "--trace-gc-nvp"],
);
const w :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2026-04-26",
  bindings = [ ${bindings} ],
  durableObjectNamespaces = [ (className = "${className}", uniqueKey = "${className}", enableSql = true) ],
  durableObjectStorage = (localDisk = "disk"),
);
`;
}

/** The intervals between consecutive answers, as [from, to] in performance.now() ms. */
function gapsBetween(times) {
  const sorted = times.toSorted((a, b) => a - b);
  const gaps = [];
  for (let i = 1; i < sorted.length; i++) gaps.push([sorted[i - 1], sorted[i]]);
  return gaps;
}

/** `at` less the nearest of `ends`. */
function nearest(ends, at) {
  return ends.map((end) => at - end).reduce((best, d) => (Math.abs(d) < Math.abs(best) ? d : best));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function ready(url) {
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}`);
    try {
      await fetch(url, { method: "HEAD" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("workerd did not start listening");
}

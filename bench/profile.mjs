// Where an event's CPU goes in workerd: the event benchmark's load (a 100-element app, one text
// input set per event) with workerd's V8 inspector sampling, then the top functions by self and
// inclusive time. `HEAP=1` samples allocations instead. Not a benchmark: it prints no JSON and
// judges nothing; the inspector slows the run, so read shares, not rates.
//   node --experimental-websocket bench/profile.mjs     (Node 20 has WebSocket behind that flag)
//   TARGET=echo profiles the baseline echo under the same load instead.
//   SESSIONS (default 300; above ~500, objects idle for 10 s get evicted during the set-up and the
//   profile shows their reloads); APP (default /bench/app-100; /bench/app-3 shows the fixed cost)
import { writeFileSync } from "node:fs";
import { load } from "./load.mjs";
import { echoRequests, eventRequests, openEchoes, openPages, startBaseline, startProduct, warmPages } from "./lib.mjs";

const SESSIONS = Number(process.env.SESSIONS ?? 300);
const APP = process.env.APP ?? "/bench/app-100";
const INSPECTOR_PORT = 9239;
if (typeof WebSocket !== "function") throw new Error("run with: node --experimental-websocket bench/profile.mjs");
const ECHO = process.env.TARGET === "echo";
const server = await (ECHO ? startBaseline : startProduct)({ inspectorPort: INSPECTOR_PORT });
try {
  let requests;
  if (ECHO) {
    await openEchoes(server.url, SESSIONS);
    requests = echoRequests(SESSIONS);
  } else {
    const pages = await openPages(server.url, APP, SESSIONS);
    await warmPages(pages);
    requests = eventRequests(pages);
  }
  const inspector = await connect(INSPECTOR_PORT);
  const heap = Boolean(process.env.HEAP);
  if (heap) await inspector.send("HeapProfiler.startSampling", { samplingInterval: 4096 });
  else {
    await inspector.send("Profiler.enable");
    await inspector.send("Profiler.setSamplingInterval", { interval: 100 });
    await inspector.send("Profiler.start");
  }
  await drive(server, requests);
  if (heap) printAllocations((await inspector.send("HeapProfiler.stopSampling")).profile);
  else {
    const { profile } = await inspector.send("Profiler.stop");
    writeFileSync("bench/.build/last.cpuprofile", JSON.stringify(profile)); // for Chrome DevTools
    printTimes(profile);
  }
  inspector.close();
} finally {
  await server.dispose();
}

async function connect(port) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  const target = targets.find((t) => /core:user/.test(t.title ?? ""));
  if (!target) throw new Error(`no user worker among the inspector's targets: ${targets.map((t) => t.title).join(", ")}`);
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", reject, { once: true });
  });
  let id = 0;
  const pending = new Map();
  ws.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  return {
    send: (method, params = {}) => new Promise((resolve) => (pending.set(++id, resolve), ws.send(JSON.stringify({ id, method, params })))),
    close: () => ws.close(),
  };
}

async function drive(server, requests) {
  const result = await load(server, requests, { duration: 6 });
  console.log(`${result.completed} events, ${result.errors} failed`);
}

function frameName(frame) {
  return `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}:${frame.lineNumber + 1}`;
}

function printTimes(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  for (const sample of profile.samples) {
    const name = frameName(nodes.get(sample).callFrame);
    self.set(name, (self.get(name) ?? 0) + 1);
    const seen = new Set();
    for (let at = sample; at !== undefined; at = parents.get(at)) {
      const outer = frameName(nodes.get(at).callFrame);
      if (!seen.has(outer)) inclusive.set(outer, (inclusive.get(outer) ?? 0) + 1), seen.add(outer);
    }
  }
  const total = profile.samples.length;
  for (const [title, counts] of [["self", self], ["inclusive", inclusive]]) {
    console.log(`\n${title} (share of ${total} samples)`);
    for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}

function printAllocations(profile) {
  const sizes = new Map();
  let total = 0;
  const visit = (node, stack) => {
    const here = [...stack, frameName(node.callFrame)];
    if (node.selfSize) {
      const key = here.slice(-3).join(" < ");
      sizes.set(key, (sizes.get(key) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) visit(child, here);
  };
  visit(profile.head, []);
  console.log("\nallocated bytes by the last three frames (share)");
  for (const [key, size] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * size) / total).toFixed(1).padStart(5)}%  ${key}`);
}

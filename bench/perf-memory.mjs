// Goal 5, memory: workerd RSS per resident session against a baseline Durable Object holding 1 KB
// in SQLite, 1,000 of each in this run (each in its own workerd, measured right after the last
// touch: local workerd evicts an object after 10 s idle). The 10,000-session half of the goal is
// perf-memory-sessions.mjs (its own script, to keep each under ~90 s).
import { openPages, report, round, rssKb, startBaseline, startProduct } from "./lib.mjs";

const RESIDENT = Number(process.env.BENCH_RESIDENT ?? 1000);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function baselinePerObject() {
  const server = await startBaseline();
  try {
    const body = "x".repeat(1024);
    const touch = (i) => fetch(`${server.url}/?id=warm-${i}`, { method: "POST", body }).then((r) => r.text());
    for (let i = 0; i < 16; i++) await touch(i); // isolate and first objects exist before the first reading
    await settle();
    const before = rssKb(server.pid);
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < RESIDENT) await fetch(`${server.url}/?id=${next++}`, { method: "POST", body }).then((r) => r.text());
    }));
    await settle();
    return (rssKb(server.pid) - before) / RESIDENT;
  } finally {
    await server.dispose();
  }
}

async function productPerSession(appPath) {
  const server = await startProduct();
  try {
    await openPages(server.url, appPath, 16);
    await settle();
    const before = rssKb(server.pid);
    await openPages(server.url, appPath, RESIDENT);
    await settle();
    return (rssKb(server.pid) - before) / RESIDENT;
  } finally {
    await server.dispose();
  }
}

const baseline = await baselinePerObject();
const counter = await productPerSession("/seeds/counter");
const ratio = counter / baseline;
report({
  name: "memory-per-session",
  value: round(counter, 1),
  baseline: round(baseline, 1),
  ratio: round(ratio),
  goal: "<= 1.5",
  ok: ratio <= 1.5,
  unit: "KB RSS per resident session",
  app: "/seeds/counter",
  sessions: RESIDENT,
});

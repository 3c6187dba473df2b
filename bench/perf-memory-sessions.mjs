// Goal 5, second half: 10,000 sessions opened one after another (16 in flight, at most RATE a
// second), far more than one workerd keeps open at once (~6,600; idle objects are evicted after
// 10 s), without an error.
import { mkdtempSync, rmSync } from "node:fs";
import { BenchBrowser, report, round, rssKb, startProduct } from "./lib.mjs";

const TOUCHED = Number(process.env.BENCH_TOUCHED ?? 10000);
/**
 * Sessions opened per second at most. Local workerd keeps an object open until it has been idle
 * for 10 s (and its sweep comes round), and fails with SQLITE_NOMEM once ~6,000 object databases
 * are open at once (seen at ~360/s unpaced: 16% of opens answered 500); 200/s keeps well under.
 */
const RATE = Number(process.env.BENCH_TOUCH_RATE ?? 200);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creating an object costs an fsync'd SQLite file on this disk (~30 ms); the storage goes to
 * tmpfs here so 10,000 fit in the time budget. What is tested is that nothing fails.
 */
async function touchMany() {
  const persist = mkdtempSync("/dev/shm/edgelit-bench-");
  const server = await startProduct({ persist });
  const started = Date.now();
  let failures = 0;
  let firstError = null;
  try {
    const browsers = Array.from({ length: 16 }, () => new BenchBrowser(server.url));
    let next = 0;
    await Promise.all(browsers.map(async (browser) => {
      while (next < TOUCHED) {
        const due = started + (next++ / RATE) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
        try {
          await browser.open("/seeds/counter");
        } catch (error) {
          failures++;
          firstError ??= String(error).slice(0, 200);
        }
      }
    }));
    return { failures, firstError, seconds: (Date.now() - started) / 1000, rssMb: rssKb(server.pid) / 1024 };
  } finally {
    await server.dispose();
    rmSync(persist, { recursive: true, force: true });
  }
}

const many = await touchMany();
report({
  name: "sessions-touched",
  value: TOUCHED - many.failures,
  baseline: TOUCHED,
  ratio: round((TOUCHED - many.failures) / TOUCHED, 4),
  goal: "all succeed",
  ok: many.failures === 0,
  unit: "sessions",
  seconds: round(many.seconds, 1),
  ratePerSecond: RATE,
  finalRssMb: round(many.rssMb, 1),
  firstError: many.firstError,
});

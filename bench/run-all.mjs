// Runs every bench/perf-*.mjs in turn (each in its own Node process, bounded in time) and prints
// their JSON lines, then a summary: one line per result with its value, baseline, ratio and goal.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => /^perf-.*\.mjs$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 180_000);

function run(script) {
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends the script and the workerd it started together.
    const child = spawn(process.execPath, [path.join(here, script)], { stdio: ["ignore", "pipe", "inherit"], detached: true });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    const timer = setTimeout(() => {
      console.error(`${script}: over ${TIME_LIMIT_MS / 1000} s, stopped`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, TIME_LIMIT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const results = out.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
      resolve({ script, code, results });
    });
  });
}

const all = [];
for (const script of scripts) {
  const started = Date.now();
  const { code, results } = await run(script);
  if (code !== 0 || results.length === 0) all.push({ name: script, ok: false, goal: `exited with ${code}` });
  all.push(...results);
  console.error(`${script}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

console.log("\nSummary");
for (const r of all) {
  const figures = r.value === undefined ? "" : `${r.value} ${r.unit ?? ""} vs ${r.baseline} (ratio ${r.ratio})`;
  console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(38)} ${figures.padEnd(52)} goal ${r.goal}`);
}
console.log(`${all.filter((r) => r.ok).length}/${all.length} within goal`);

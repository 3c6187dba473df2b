// Shared bench helpers: a Miniflare (its API, never `wrangler dev`) per Worker, the workerd
// process behind it (CPU time and RSS from /proc), a Node client that does what a browser does
// (cookie, tab token, CSRF, htmx posts; after test/workers/client.ts), and the JSON-line format.
import { Miniflare } from "miniflare";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildWorkers } from "./build.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SECRET = "edgelit-bench-secret-0123456789abcdefghijklmnopqrstuv";
/** The product Worker's settings in every benchmark (Miniflare's here, gc-trace.mjs's config). */
export const PRODUCT_BINDINGS = { EDGELIT_SECRET: SECRET, EDGELIT_ENV: "production", EDGELIT_SESSION_TTL_SECONDS: "86400" };

let built = null;
const workers = () => (built ??= buildWorkers());

/**
 * One product Worker (bench registry) in its own workerd. `persist`: a directory for the objects'
 * SQLite files (default: Miniflare's own temporary directory on disk). `assets`: serve public/
 * through Miniflare's assets router, in front of the Worker as in production; off for the event
 * and memory benchmarks, whose baseline has no router in front (no event touches an asset).
 * `inspectorPort`: workerd's V8 inspector listens there (profile.mjs).
 */
export async function startProduct({ persist, assets = false, inspectorPort } = {}) {
  const { worker } = await workers();
  return start({
    modules: true,
    scriptPath: worker,
    compatibilityDate: "2026-04-26",
    durableObjects: { SESSION: { className: "Session", useSQLite: true } },
    bindings: PRODUCT_BINDINGS,
    ...(assets ? { assets: { directory: path.join(root, "public"), binding: "ASSETS", routerConfig: { has_user_worker: true } } } : {}),
    ...(persist ? { durableObjectsPersist: persist } : {}),
    ...(inspectorPort ? { inspectorPort } : {}),
  });
}

/** The baseline echo Worker + Durable Object (one SQLite write per request) in its own workerd. */
export async function startBaseline({ inspectorPort } = {}) {
  const { baseline } = await workers();
  return start({
    modules: true,
    scriptPath: baseline,
    compatibilityDate: "2026-04-26",
    durableObjects: { ECHO: { className: "Echo", useSQLite: true } },
    ...(inspectorPort ? { inspectorPort } : {}),
  });
}

async function start(options) {
  const before = new Set(workerdPids());
  // workerd's own output is drained (errors show up as non-2xx counts in the results);
  // BENCH_WORKERD_LOG=1 shows its stderr.
  const quiet = (stdout, stderr) => {
    stdout.resume();
    if (process.env.BENCH_WORKERD_LOG) stderr.pipe(process.stderr);
    else stderr.resume();
  };
  const mf = new Miniflare({ ...options, host: "127.0.0.1", port: 0, handleRuntimeStdio: quiet });
  let url;
  try {
    url = (await mf.ready).toString().replace(/\/$/, "");
  } catch (error) {
    await mf.dispose().catch(() => undefined); // a workerd that failed to start is not left running
    throw error;
  }
  const pid = workerdPids().find((p) => !before.has(p));
  if (!pid) throw new Error("could not find the workerd process Miniflare started");
  return { mf, url, pid, dispose: () => mf.dispose() };
}

/** workerd processes that are children of this Node process. */
function workerdPids() {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (Number(fields[1]) === process.pid && comm.startsWith("workerd")) pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

/** CPU time (user + system) of a process in ms. */
export function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * Bytes a process has passed to write calls (/proc/<pid>/io `wchar`): for workerd, mostly its
 * SQLite WAL (a committed write appends a 4 KiB page frame); its sockets barely show here.
 */
export function writtenBytes(pid) {
  return Number(readFileSync(`/proc/${pid}/io`, "utf8").match(/^wchar:\s+(\d+)/m)[1]);
}

export function rssKb(pid) {
  return Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1]);
}

/** A browser: one signed cookie, any number of tabs (pages). */
export class BenchBrowser {
  cookie = null;
  constructor(url) {
    this.url = url;
  }

  async fetch(p, init = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", `edgelit_browser=${this.cookie}`);
    const response = await fetch(this.url + p, { ...init, headers, redirect: "manual" });
    const match = response.headers.get("Set-Cookie")?.match(/edgelit_browser=([^;]+)/);
    if (match) this.cookie = match[1];
    return response;
  }

  /** Opens an app page in a new tab: served at once, its address (tab token included) in data-el-url. */
  async open(appPath) {
    const page = await this.fetch(appPath);
    const html = await page.text();
    if (page.status !== 200) throw new Error(`expected 200 from ${appPath}, got ${page.status}: ${html.slice(0, 300)}`);
    return new BenchPage(this, pageAddress(html), html);
  }
}

/** The address a page names for itself (data-el-url on <body>). */
export function pageAddress(html) {
  const match = html.match(/<body[^>]* data-el-url="([^"]+)"/);
  if (!match) throw new Error("the page names no address (data-el-url)");
  return match[1].replace(/&amp;/g, "&");
}

export class BenchPage {
  constructor(browser, location, html) {
    this.browser = browser;
    this.location = location;
    this.html = html;
    this.csrf = html.match(/name="_csrf" value="([^"]+)"/)[1];
    this.seq = Number(html.match(/id="el-seq" name="_seq" value="(\d+)"/)[1]);
  }

  widget(label) {
    for (const m of this.html.matchAll(/<label[^>]*for="([^"]+)-control"[^>]*>([^<]*)<\/label>/g)) if (m[2].trim() === label) return m[1];
    throw new Error(`no widget labelled "${label}"`);
  }

  /** The body and headers of an htmx post setting one widget. */
  setRequest(id, value) {
    const body = new URLSearchParams([["_csrf", this.csrf], ["_w", id], [id, value], ["_seq", String(this.seq)]]).toString();
    const headers = {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: this.browser.url,
      "HX-Request": "true",
      Cookie: `edgelit_browser=${this.browser.cookie}`,
    };
    return { method: "POST", path: this.location, headers, body };
  }

  /** Keeps the render sequence of an update (so the next post diffs against it). */
  track(updateHtml) {
    const m = updateHtml.match(/id="el-seq" name="_seq" value="(\d+)"/);
    if (m) this.seq = Number(m[1]);
  }

  async set(label, value) {
    const request = this.setRequest(this.widget(label), value);
    const response = await this.browser.fetch(request.path, { method: "POST", headers: request.headers, body: request.body });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`event answered ${response.status}: ${text.slice(0, 300)}`);
    this.track(text);
    return text;
  }
}

/**
 * The event load's requests: each sets the page's "Name" input to a new value, one page after
 * another, and keeps the page's render sequence from the answer (the `onBody` load.mjs calls).
 */
export function eventRequests(pages) {
  const id = pages[0].widget("Name");
  let n = 0;
  return () => {
    const page = pages[n % pages.length];
    return { ...page.setRequest(id, `value ${n++}`), onBody: (body) => page.track(body) };
  };
}

/**
 * The echo's requests over `count` objects. Each body differs: workerd writes nothing for a put of
 * the value already stored (a constant body wrote nothing after the first request: no WAL bytes,
 * and ~1.5-2x the rate), and the baseline is defined by its one SQLite write per request.
 */
export function echoRequests(count) {
  let n = 0;
  return () => {
    const i = n++;
    return { method: "POST", path: `/?id=${i % count}`, headers: { "Content-Type": "text/plain" }, body: String(i).padStart(100, "x") };
  };
}

/** Writes once to each of the echo's `count` objects, so every id exists, as every opened page's session does. */
export async function openEchoes(url, count, parallel = 16) {
  let next = 0;
  const touch = async () => {
    while (next < count) await (await fetch(`${url}/?id=${next++}`, { method: "POST", body: "x".repeat(100) })).text();
  };
  await Promise.all(Array.from({ length: parallel }, touch));
}

/** Opens `count` tabs of one app over a few browsers, `parallel` at a time. */
export async function openPages(url, appPath, count, parallel = 16) {
  const browsers = Array.from({ length: 8 }, () => new BenchBrowser(url));
  await Promise.all(browsers.map((b) => b.open(appPath)));
  const pages = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        pages[i] = await browsers[i % browsers.length].open(appPath);
      }
    }),
  );
  return pages;
}

/**
 * One event per opened page, `parallel` at a time (the closed loop's connections), so a load starts
 * with every session resident: local workerd evicts an object idle for 10 s, and opening 1,000
 * pages takes longer than that.
 */
export async function warmPages(pages, parallel = 32) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < pages.length) await pages[next++].set("Name", "warm");
    }),
  );
}

/** One benchmark result line. */
export function report(fields) {
  console.log(JSON.stringify(fields));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const round = (x, digits = 3) => Number(x.toFixed(digits));

/**
 * A minimal browser for the reliability benches (Node fetch, loopback only): it keeps its cookie,
 * opens a tab (served at once; its address with `_s` is the page's data-el-url) and clicks buttons
 * as htmx does.
 */
import { spawn } from "node:child_process";

const COOKIE = "edgelit_browser";

/** The address a page names for itself (data-el-url on <body>). */
function pageAddress(html) {
  const match = html.match(/<body[^>]* data-el-url="([^"]+)"/);
  if (!match) throw new Error("the page names no address (data-el-url)");
  return match[1].replace(/&amp;/g, "&");
}

export class BenchTab {
  cookie = null;
  /** Page URL path with its `_s` token, the CSRF token and widget ids by button label. */
  url = null;
  csrf = null;
  html = "";

  constructor(base, appPath) {
    this.base = base;
    this.appPath = appPath;
  }

  async request(path, init = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", `${COOKIE}=${this.cookie}`);
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    const match = response.headers.get("Set-Cookie")?.match(new RegExp(`${COOKIE}=([^;]+)`));
    if (match) this.cookie = match[1];
    return response;
  }

  async open() {
    const first = await this.request(this.appPath);
    const html = await first.text();
    if (first.status !== 200) throw new Error(`open: expected 200, got ${first.status}`);
    this.url = pageAddress(html);
    return this.reload();
  }

  async reload() {
    const response = await this.request(this.url);
    if (response.status !== 200) throw new Error(`reload: expected 200, got ${response.status}`);
    this.html = await response.text();
    this.csrf = this.html.match(/name="_csrf" value="([^"]+)"/)[1];
    return this;
  }

  button(label) {
    for (const match of this.html.matchAll(/<button[^>]*name="_t" value="([^"]+)"[^>]*>([\s\S]*?)<\/button>/g)) {
      if (match[2].replace(/<[^>]+>/g, "").trim() === label) return match[1];
    }
    throw new Error(`no button "${label}"`);
  }

  click(label) {
    const id = this.button(label);
    const body = new URLSearchParams([["_csrf", this.csrf], ["_w", id], ["_t", id]]);
    return this.request(this.url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true" },
      body,
    });
  }

  /** The number after `<label> = ` in the page text. */
  number(label) {
    const text = this.html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const match = text.match(new RegExp(`${label} = (\\d+)`));
    if (!match) throw new Error(`no "${label} = n" in the page`);
    return Number(match[1]);
  }
}

/** Starts bench/reliability/server.mjs in its own process group; resolves with its URL. */
export function startServer(storage, timeoutMs = 30_000) {
  const child = spawn(process.execPath, ["bench/reliability/server.mjs", storage], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`server did not start in ${timeoutMs} ms: ${errors}`));
    }, timeoutMs);
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/READY (\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready: ${errors}`));
    });
  });
}

/** SIGKILL to the whole group (node, and the workerd it spawned); resolves once node is gone. */
export function killGroup(child, signal = "SIGKILL") {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
  return exited;
}

/** Builds dist/ with wrangler (the deploy bundle, not deployed). */
export function build() {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["wrangler", "deploy", "--dry-run", "--outdir", "dist"], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler build failed (${code}): ${errors}`))));
  });
}

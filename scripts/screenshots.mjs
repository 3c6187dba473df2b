// Screenshots of /demo at 412px (a phone) and 1280px (a laptop), light and dark, into screenshots/.
// Usage: node scripts/screenshots.mjs [--url http://127.0.0.1:8787] [--docs]
// Without --url it starts `wrangler dev` on a free loopback port and stops it afterwards.
// --docs also copies the two the README shows into docs/ (demo-light-1280.png, demo-dark-412.png).
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const urlArg = args.includes("--url") ? args[args.indexOf("--url") + 1] : undefined;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** wrangler runs workerd as a child: start it in its own process group and stop the group. */
async function startWrangler() {
  const [port, inspector] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), "edgelit-shots-"));
  const child = spawn(
    join(root, "node_modules/.bin/wrangler"),
    ["dev", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspector), "--persist-to", state, "--show-interactive-dev-session=false"],
    { cwd: root, detached: true, stdio: "ignore", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`wrangler dev did not answer on ${url} within 90 s`);
}

const server = urlArg ? { url: urlArg, stop() {} } : await startWrangler();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  mkdirSync(join(root, "screenshots"), { recursive: true });
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [412, 1280]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${server.url}/demo`);
      const file = join(root, "screenshots", `demo-${colorScheme}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
  if (args.includes("--docs")) {
    mkdirSync(join(root, "docs"), { recursive: true });
    for (const name of ["demo-light-1280.png", "demo-dark-412.png"]) copyFileSync(join(root, "screenshots", name), join(root, "docs", name));
  }
} finally {
  await browser.close();
  server.stop();
}

/**
 * Starts `wrangler dev` for a project directory on free local ports and stops it again.
 *
 * wrangler runs workerd as a child process, so the server is spawned in its own process group
 * (`detached`) and stopped by signalling the whole group: killing only the outer pid leaves
 * workerd serving the port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const wranglerBin = fileURLToPath(new URL("../../node_modules/.bin/wrangler", import.meta.url));

export interface DevServer {
  url: string;
  logFile: string;
  /**
   * How often wrangler rebuilt since it first served: it watches the sources, so an edit during
   * the run reloads the server (and holds requests while a build is broken).
   */
  reloads(): number;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** The directory holding wrangler.toml. */
  cwd: string;
  /** Where wrangler's output is written (it is also quoted when start-up fails). */
  logFile: string;
  /** How long to wait for `GET /` to answer 200. */
  startTimeoutMs?: number;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { cwd, logFile, startTimeoutMs = 90_000 } = options;
  const port = await freePort();
  const inspectorPort = await freePort();
  // A fresh state directory: sessions left by earlier runs or by `npm start` never leak in.
  const persistDir = mkdtempSync(join(tmpdir(), "edgelit-e2e-state-"));
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(
    wranglerBin,
    ["dev", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspectorPort),
      "--persist-to", persistDir, "--show-interactive-dev-session=false"],
    { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let serving = false;
  let reloads = 0;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      if (serving && line.includes("Reloading local server")) reloads += 1;
    });
  }
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child);
    await new Promise<void>((resolve) => log.end(resolve));
    rmSync(persistDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(url, child, startTimeoutMs);
    serving = true;
  } catch (error) {
    await stop();
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
    throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail}`);
  }
  return { url, logFile, reloads: () => reloads, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`wrangler dev exited (code ${child.exitCode}, signal ${child.signalCode}) before serving ${url}`);
    }
    try {
      const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      last = `GET / answered ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = `GET / failed: ${(error as Error).message}`;
    }
    await delay(250);
  }
  throw new Error(`wrangler dev did not serve ${url}/ within ${timeoutMs} ms (${last})`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const group = -child.pid!;
  if (!signalGroup(group, "SIGTERM")) return;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (!signalGroup(group, 0)) return;
    await delay(100);
  }
  signalGroup(group, "SIGKILL");
}

/** Signals a process group; false when no process of the group is left. */
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(group, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

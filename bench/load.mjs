// The event benchmarks' load: autocannon's closed loop for capacity, and an open loop at a fixed
// rate below saturation for latency, each with the server's CPU time per request from /proc.
import autocannon from "autocannon";
import { Pool } from "undici";
import { cpuMs, round, writtenBytes } from "./lib.mjs";

export const CONNECTIONS = 32;

/**
 * A closed loop: `CONNECTIONS` connections, each sending its next request when its last is
 * answered. `next()` gives each request ({ method, path, headers, body, onBody? }). Returns req/s,
 * CPU ms per request (workerd), latency percentiles and errors.
 */
export async function load(server, next, { duration = 8 } = {}) {
  const cpuBefore = cpuMs(server.pid);
  const writtenBefore = writtenBytes(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        setupRequest(req, context) {
          const request = next();
          context.onBody = request.onBody;
          // Keep autocannon's defaults (the Host header among them).
          return { ...req, method: request.method, path: request.path, headers: { ...req.headers, ...request.headers }, body: request.body };
        },
        onResponse(status, body, context) {
          if (status === 200) context.onBody?.(body);
        },
      },
    ],
  });
  const cpu = cpuMs(server.pid) - cpuBefore;
  const written = writtenBytes(server.pid) - writtenBefore;
  const completed = result.requests.total;
  return {
    rps: completed / duration,
    cpuMsPerRequest: cpu / Math.max(1, completed),
    writtenBytesPerRequest: written / Math.max(1, completed),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    completed,
  };
}

/**
 * An open loop: request `i` is due at `i / rate` seconds, sent then whatever is still in flight
 * (undici's pool opens connections as needed, up to `connections`), and its latency counts from
 * when it was due, so a request the client could only send late is not flattered (wrk2's way).
 *
 * autocannon's `overallRate` is no open loop: each connection sends its share of a second's
 * requests back to back from the second's start and then waits for the next second, so half of
 * each second's requests left in its first fifth (measured at 506 req/s: median offset 201 ms,
 * 90th percentile 385 ms), and its latencies are "corrected" against a 1 ms expected interval
 * (`Math.ceil(1 / rate)` with a per-second rate), which pads every slow response with synthetic
 * samples. Its p99 was a burst's queue, not a fixed load's.
 */
export async function openLoad(server, next, { duration = 8, rate, connections = 512, completions } = {}) {
  const pool = new Pool(server.url, { connections, pipelining: 1 });
  const latencies = [];
  const pending = [];
  const errorKinds = {}; // status code or error code -> count
  const fail = (kind) => void (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);
  let lateMs = 0; // how far the sender itself fell behind the schedule, at worst
  const total = Math.round(rate * duration);
  const interval = 1000 / rate;
  const cpuBefore = cpuMs(server.pid);
  const writtenBefore = writtenBytes(server.pid);
  async function send(request, due) {
    try {
      const response = await pool.request({ method: request.method, path: request.path, headers: request.headers, body: request.body });
      const body = await response.body.text();
      if (response.statusCode !== 200) return fail(response.statusCode);
      const now = performance.now();
      latencies.push(now - due);
      completions?.push(now); // when each answer came (gc-trace finds the stalls in them)
      request.onBody?.(body);
    } catch (error) {
      fail(error.code ?? error.name);
    }
  }
  const start = performance.now();
  for (let i = 0; i < total; ) {
    const now = performance.now();
    const wait = start + i * interval - now;
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    lateMs = Math.max(lateMs, -wait);
    for (; i < total && start + i * interval <= now; i++) pending.push(send(next(), start + i * interval));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = cpuMs(server.pid) - cpuBefore;
  const written = writtenBytes(server.pid) - writtenBefore;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (p) => round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0, 1);
  return {
    rps: latencies.length / elapsed,
    cpuMsPerRequest: cpu / Math.max(1, latencies.length),
    writtenBytesPerRequest: written / Math.max(1, latencies.length),
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    senderLateMs: round(lateMs, 1),
    errors: Object.values(errorKinds).reduce((sum, count) => sum + count, 0),
    errorKinds,
    completed: latencies.length,
  };
}

// autocannon runs shared by the event benchmarks: a closed loop for capacity, then a fixed
// request rate below saturation for latency (autocannon's overallRate), with the server's CPU
// time per request from /proc.
import autocannon from "autocannon";
import { cpuMs, writtenBytes } from "./lib.mjs";

export const CONNECTIONS = 32;

/**
 * `next()` gives each request ({ method, path, headers, body, onBody? }). Returns req/s, CPU ms
 * per request (workerd), latency percentiles and errors.
 */
export async function load(server, next, { duration = 8, rate } = {}) {
  const cpuBefore = cpuMs(server.pid);
  const writtenBefore = writtenBytes(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration,
    ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
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

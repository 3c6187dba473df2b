/**
 * The baseline: a Worker that forwards each request to a Durable Object named by `?id=`, which
 * writes the body to SQLite-backed storage once and echoes it. Everything Edgelit does per event
 * beyond this (cookies, CSRF, the run, render, diff) is what the event benchmarks measure.
 */
import { DurableObject } from "cloudflare:workers";

interface Env {
  ECHO: DurableObjectNamespace<Echo>;
}

export class Echo extends DurableObject<Env> {
  async echo(body: string): Promise<string> {
    await this.ctx.storage.put("value", body);
    return body;
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).searchParams.get("id") ?? "0";
    const body = await request.text();
    return new Response(await env.ECHO.getByName(id).echo(body), { headers: { "Content-Type": "text/plain" } });
  },
};

/** The Worker's bindings (wrangler.toml) and the settings read from them. */
import type { Session } from "../../durable-objects/session";

export interface Env {
  SESSION: DurableObjectNamespace<Session>;
  /** The static assets of public/ (served before the Worker runs; bound for tests and tools). */
  ASSETS: Fetcher;
  /** Signs the browser cookie and CSRF tokens. `.dev.vars` holds a development value. */
  EDGELIT_SECRET?: string;
  /** "development" shows exception details in the app; anything else redacts them. */
  EDGELIT_ENV?: string;
  /** Idle time after which a session's storage is deleted (default one day). */
  EDGELIT_SESSION_TTL_SECONDS?: string;
  /** Time one event's run may take, reruns included, before it stops with an error (default 30 s). */
  EDGELIT_RUN_DEADLINE_MS?: string;
}

/** The value shipped in .dev.vars: fine on a laptop, refused in production. */
export const DEVELOPMENT_SECRET = "edgelit-development-secret-change-me-before-deploying";

const DEFAULT_TTL_SECONDS = 86_400;

export function isDevelopment(env: Pick<Env, "EDGELIT_ENV">): boolean {
  return env.EDGELIT_ENV === "development";
}

export function sessionTtlMs(env: Pick<Env, "EDGELIT_SESSION_TTL_SECONDS">): number {
  const seconds = Number(env.EDGELIT_SESSION_TTL_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TTL_SECONDS) * 1000;
}

/** The run deadline, or undefined for the engine's default. */
export function runDeadlineMs(env: Pick<Env, "EDGELIT_RUN_DEADLINE_MS">): number | undefined {
  const ms = Number(env.EDGELIT_RUN_DEADLINE_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** The signing secret, or why it cannot be used (answered as a 500 naming the fix). */
export function signingSecret(env: Env): { secret: string } | { problem: string } {
  const secret = env.EDGELIT_SECRET;
  if (!secret) {
    return { problem: "EDGELIT_SECRET is not set. Run `npx wrangler secret put EDGELIT_SECRET` with a long random value (for local development, .dev.vars sets one)." };
  }
  if (!isDevelopment(env) && (secret === DEVELOPMENT_SECRET || secret.length < 32)) {
    return { problem: "EDGELIT_SECRET is the development value or shorter than 32 characters. Run `npx wrangler secret put EDGELIT_SECRET` with a long random value (for example the output of `openssl rand -base64 32`)." };
  }
  return { secret };
}

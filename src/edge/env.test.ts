import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEVELOPMENT_SECRET, sessionTtlMs, signingSecret, type Env } from "./env";

const env = (vars: Partial<Env>) => vars as Env;

describe("signingSecret", () => {
  it("names the fix when the secret is missing", () => {
    expect(signingSecret(env({}))).toEqual({ problem: expect.stringContaining("wrangler secret put EDGELIT_SECRET") });
  });

  it("accepts the development secret only in development", () => {
    expect(signingSecret(env({ EDGELIT_SECRET: DEVELOPMENT_SECRET, EDGELIT_ENV: "development" }))).toEqual({ secret: DEVELOPMENT_SECRET });
    expect(signingSecret(env({ EDGELIT_SECRET: DEVELOPMENT_SECRET, EDGELIT_ENV: "production" }))).toHaveProperty("problem");
    expect(signingSecret(env({ EDGELIT_SECRET: "short" }))).toHaveProperty("problem");
    const strong = "k".repeat(32);
    expect(signingSecret(env({ EDGELIT_SECRET: strong, EDGELIT_ENV: "production" }))).toEqual({ secret: strong });
  });

  it("recognises the value .dev.vars ships", () => {
    const devVars = readFileSync(new URL("../../.dev.vars", import.meta.url), "utf8");
    expect(devVars).toContain(`EDGELIT_SECRET=${DEVELOPMENT_SECRET}\n`);
  });
});

describe("sessionTtlMs", () => {
  it("reads EDGELIT_SESSION_TTL_SECONDS, defaulting to a day", () => {
    expect(sessionTtlMs(env({ EDGELIT_SESSION_TTL_SECONDS: "60" }))).toBe(60_000);
    expect(sessionTtlMs(env({}))).toBe(86_400_000);
    expect(sessionTtlMs(env({ EDGELIT_SESSION_TTL_SECONDS: "soon" }))).toBe(86_400_000);
  });
});

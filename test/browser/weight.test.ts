// The low-end budget: the whole first load of the seed counter stays within 20 KB gzipped, both as
// a first visit gets it (one HTML document carrying the stylesheet) and as a later visit does (the
// HTML plus the stylesheet it links), each with the three scripts the page's first use loads (the
// boot module, htmx and the extension). htmx alone is about 13.4 KB of it.
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { ASSET } from "../../src/wire";

/** 20 KB read strictly as 20,000 bytes. */
const BUDGET = 20_000;

async function gzipped(path: string, cookie?: string): Promise<{ bytes: number; response: Response; text: string }> {
  const response = await fetch(new URL(path, inject("baseUrl")), { headers: cookie ? { Cookie: cookie } : {} });
  expect(response.status, `GET ${path}`).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  return { bytes: gzipSync(body, { level: 9 }).length, response, text: body.toString("utf8") };
}

describe("page weight", () => {
  it("the counter's first load, with the scripts its first use loads, is at most 20 KB gzipped", async () => {
    const first = await gzipped("/seeds/counter");
    expect(first.text).not.toContain("<script");
    for (const href of [ASSET.boot, ASSET.htmx]) expect(first.text).toContain(`<link rel="prefetch" href="${href}">`);
    const cookie = first.response.headers.get("Set-Cookie")!.split(";")[0];
    const later = await gzipped("/seeds/counter", cookie);
    expect(later.text).toContain(`<link rel="stylesheet" href="${ASSET.stylesheet}">`);
    const scripts = { boot: (await gzipped(ASSET.boot)).bytes, htmx: (await gzipped(ASSET.htmx)).bytes, extension: (await gzipped(ASSET.extension)).bytes };
    const firstVisit = { html: first.bytes, ...scripts };
    const laterVisit = { html: later.bytes, stylesheet: (await gzipped(ASSET.stylesheet)).bytes, ...scripts };
    const total = (files: Record<string, number>) => Object.values(files).reduce((a, b) => a + b, 0);
    console.info(`/seeds/counter, gzip -9 bytes: first visit ${JSON.stringify(firstVisit)}, total ${total(firstVisit)}; later ${JSON.stringify(laterVisit)}, total ${total(laterVisit)}`);
    expect(total(firstVisit)).toBeLessThanOrEqual(BUDGET);
    expect(total(laterVisit)).toBeLessThanOrEqual(BUDGET);
  });
});

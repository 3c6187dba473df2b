// The low-end budget: the whole first load of the seed counter stays within 20 KB gzipped, both as
// a first visit gets it (one HTML document carrying the stylesheet and scripts) and as a later
// visit does (the HTML plus the files it links). htmx alone is about 13.4 KB of either.
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
  it("the counter's first load is at most 20 KB gzipped, inline on a first visit and linked after", async () => {
    const first = await gzipped("/seeds/counter");
    expect(first.text).toContain('<script type="module">');
    const cookie = first.response.headers.get("Set-Cookie")!.split(";")[0];
    const later = await gzipped("/seeds/counter", cookie);
    expect(later.text).toContain(`<script src="${ASSET.htmx}" defer>`);
    const linked = {
      html: later.bytes,
      htmx: (await gzipped(ASSET.htmx)).bytes,
      extension: (await gzipped(ASSET.extension)).bytes,
      stylesheet: (await gzipped(ASSET.stylesheet)).bytes,
    };
    const linkedTotal = Object.values(linked).reduce((a, b) => a + b, 0);
    console.info(`first load of /seeds/counter, gzip -9 bytes: first visit ${first.bytes} (one file); later ${JSON.stringify(linked)}, total ${linkedTotal}`);
    expect(first.bytes).toBeLessThanOrEqual(BUDGET);
    expect(linkedTotal).toBeLessThanOrEqual(BUDGET);
  });
});

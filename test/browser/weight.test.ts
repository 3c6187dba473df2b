// The low-end budget: the whole first load of the seed counter (HTML, htmx, the extension, the
// stylesheet) stays within 20 KB gzipped. htmx alone is about 13.4 KB of it.
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { ASSET } from "../../src/wire";

/** 20 KB read strictly as 20,000 bytes. */
const BUDGET = 20_000;

async function gzipped(path: string): Promise<number> {
  const response = await fetch(new URL(path, inject("baseUrl")));
  expect(response.status, `GET ${path}`).toBe(200);
  return gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
}

describe("page weight", () => {
  it("the counter's first load is at most 20 KB gzipped", async () => {
    const sizes = {
      html: await gzipped("/seeds/counter"),
      htmx: await gzipped(ASSET.htmx),
      extension: await gzipped(ASSET.extension),
      stylesheet: await gzipped(ASSET.stylesheet),
    };
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.info(`first load of /seeds/counter, gzip -9 bytes: ${JSON.stringify(sizes)}, total ${total}`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });
});

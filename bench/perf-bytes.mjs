// Goal 1, bytes per event: a one-widget change in a 100-element app answers with at most a tenth
// of the bytes of the full page render (both measured on the same session).
import { gzipSync } from "node:zlib";
import { openPages, report, round, startProduct } from "./lib.mjs";

const server = await startProduct();
try {
  const [page] = await openPages(server.url, "/bench/app-100", 1, 1);
  const fullBytes = Buffer.byteLength(page.html);
  const sizes = [];
  for (let i = 0; i < 5; i++) sizes.push(Buffer.byteLength(await page.set("Name", `value ${i}`)));
  const update = await page.set("Name", "final");
  const eventBytes = Buffer.byteLength(update);
  const elements = (page.html.match(/class="el el-/g) ?? []).length;
  const ratio = eventBytes / fullBytes;
  report({
    name: "bytes-per-event",
    value: eventBytes,
    baseline: fullBytes,
    ratio: round(ratio, 4),
    goal: "<= 0.1",
    ok: ratio <= 0.1,
    unit: "bytes",
    elements,
    gzipValue: gzipSync(update).length,
    gzipBaseline: gzipSync(page.html).length,
    partials: (update.match(/<hx-partial/g) ?? []).length,
  });
} finally {
  await server.dispose();
}

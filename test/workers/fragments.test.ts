// SEMANTICS 1.13 on the wire: a fragment event is an event like any other (persisted before the
// answer), but its htmx answer carries only markup inside the fragment's container, also after the
// Durable Object was evicted (the functions and arguments of fragments live only in memory).
// Fixture: examples/e2e/fragments.ts.
import { abortAllDurableObjects } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { FIELD } from "../../src/wire";
import { TestBrowser, textOf, type TestPage } from "./client";

const path = "/e2e/fragments";

const partials = (body: string) => [...body.matchAll(/<hx-partial hx-target="#([^"]+)" hx-swap="[^"]+">/g)].map((m) => m[1]);
const seqOf = (body: string) => Number(body.match(/name="_seq" value="(\d+)"/)![1]);

/** The DOM ids of the fragment containers in `html`, in page order. */
const fragmentIds = (html: string) => [...html.matchAll(/<div class="el el-node-fragment" id="([^"]+)">/g)].map((m) => m[1]);

/** What the answer changes: every partial but the render sequence. */
function changed(body: string): string[] {
  return partials(body).filter((id) => id !== "el-seq");
}

/** Whether DOM id `id` is `container` or inside it (ids are delta paths: el-0-4, el-0-4-1…). */
const inside = (container: string) => (id: string) => id === container || id.startsWith(`${container}-`);

async function openFixture(): Promise<{ page: TestPage; counter: string }> {
  const page = await new TestBrowser().open(path);
  const ids = fragmentIds(page.html);
  expect(ids).toHaveLength(1); // the clock is off: only the counter
  return { page, counter: ids[0] };
}

describe("fragment events (R119, R122)", () => {
  it("R119: a widget inside a fragment is answered with markup of the fragment's container only, and persists", async () => {
    const { page, counter } = await openFixture();
    const response = await page.click("Add one", { htmx: true });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(changed(body).length).toBeGreaterThan(0);
    expect(changed(body).every(inside(counter))).toBe(true);
    expect(textOf(body)).toBe("Clicks: 1");
    await page.reload(); // a full run: the count was stored, and the fragment run was no full run
    expect(textOf(page.html)).toContain("Clicks: 1");
    expect(textOf(page.html)).toContain("Full runs: 2");
  });

  it("R119: after an eviction the fragment reruns once, with its arguments, and still answers only its container", async () => {
    const { page, counter } = await openFixture();
    const first = await page.click("Add one", { htmx: true });
    const seq = seqOf(await first.text());
    await abortAllDurableObjects();
    const response = await page.click("Add one", { htmx: true, seq });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(changed(body).every(inside(counter))).toBe(true);
    expect(textOf(body)).toBe("Clicks: 2"); // the label argument ("Clicks: ") came back with the replay
    await abortAllDurableObjects();
    await page.reload();
    expect(textOf(page.html)).toContain("Clicks: 2");
    expect(textOf(page.html)).toContain("Full runs: 2"); // the replays changed no state
  });

  it("R122: a timer tick reruns its fragment only, before and after an eviction, and a tick of a fragment gone runs nothing", async () => {
    const { page } = await openFixture();
    const shown = await page.set("Show the clock", "on", { htmx: true });
    let seq = seqOf(await shown.text());
    await page.reload(); // to read the clock's markup
    seq = page.seq;
    const clock = fragmentIds(page.html)[0];
    const id = page.html.match(new RegExp(`name="${FIELD.fragment}" value="([^"]+)"`))![1];
    expect(page.html).toMatch(/hx-trigger="every 1000ms"/);
    expect(textOf(page.html)).toContain("Ticks: 2"); // one tick per run of the clock: show, reload

    const tick = await page.post([[FIELD.fragment, id]], { htmx: true, seq });
    expect(tick.status).toBe(200);
    let body = await tick.text();
    expect(changed(body).every(inside(clock))).toBe(true);
    expect(textOf(body)).toBe("Ticks: 3");
    seq = seqOf(body);

    await abortAllDurableObjects();
    body = await (await page.post([[FIELD.fragment, id]], { htmx: true, seq })).text();
    expect(changed(body).every(inside(clock))).toBe(true);
    expect(textOf(body)).toBe("Ticks: 4");
    seq = seqOf(body);

    const hidden = await page.post([[FIELD.widget, page.widget("Show the clock")]], { htmx: true, seq }); // unticked: no value
    seq = seqOf(await hidden.text());
    const late = await page.post([[FIELD.fragment, id]], { htmx: true, seq });
    expect(late.status).toBe(200);
    expect(changed(await late.text())).toEqual([]);
    await page.reload();
    expect(textOf(page.html)).toContain("Full runs: 5"); // open, show, reload, hide, reload: never a tick
    expect(textOf(page.html)).not.toContain("Ticks");
  });

  it("R119: a fragment event without JavaScript is applied and answered with post/redirect/get", async () => {
    const { page } = await openFixture();
    const response = await page.click("Add one");
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(page.url);
    await page.reload();
    expect(textOf(page.html)).toContain("Clicks: 1");
  });

  it("R122: a timer tick that also carries widget values is refused", async () => {
    const { page } = await openFixture();
    const id = page.button("Add one");
    const response = await page.post([[FIELD.fragment, "gabc"], [FIELD.widget, id], [FIELD.trigger, id]], { htmx: true });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("carries no widget values");
  });
});

import { runInDurableObject } from "cloudflare:test";
import { inject, describe, expect, it } from "vitest";
import { TestBrowser, type TestPage } from "./client";
import { makeCase, random, widgetsOf } from "./fuzz-cases";

/** Everything the session has persisted, as stable text (keys sorted; Maps, Dates, undefined kept). */
async function persisted(page: TestPage): Promise<string> {
  return runInDurableObject(page.stub(), async (_, state) => {
    const entries = [...(await state.storage.list())];
    return stable({ entries, alarm: await state.storage.getAlarm() });
  });
}

function stable(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (value instanceof Map) return `Map(${stable([...value])})`;
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`).join(",")}}`;
}

const SESSION_CASES = 400;

/** A session with some state worth protecting. */
async function freshSession(): Promise<TestPage> {
  const page = await new TestBrowser().open("/e2e/reliability");
  await page.click("Click", { htmx: true });
  return page.reload();
}

describe("fuzzing event posts", () => {
  it("refuses every malformed or hostile event with a clear 4xx and leaves storage identical", async () => {
    const cases = inject("fuzzCases") ?? 300;
    const seed = inject("fuzzSeed") ?? 20260426;
    const rand = random(seed);
    let page = await freshSession();
    let widgets = widgetsOf(page);
    expect(widgets.size).toBeGreaterThanOrEqual(14);
    let before = await persisted(page);
    const byCategory: Record<string, number> = {};
    const problems: string[] = [];
    let rejectedCleanly = 0;
    let stateChanges = 0;
    // Cases go in batches (1 here: each checked alone; bench/fuzz.mjs sends 16 at once), and
    // storage is compared after every batch; all of them are refusals, so none may write.
    const batch = inject("fuzzBatch") ?? 1;
    const progress = inject("fuzzCases") !== undefined && (inject("fuzzCases") ?? 0) > 300;
    const started = Date.now();
    for (let i = 0; i < cases; i += batch) {
      if (i > 0 && i % SESSION_CASES < batch) {
        // A new session now and then: long runs slow down on one object (see the report), and
        // more sessions cover more render states. The old one was checked after every batch.
        page = await freshSession();
        widgets = widgetsOf(page);
        before = await persisted(page);
      }
      const requests = Array.from({ length: Math.min(batch, cases - i) }, () => makeCase(page, widgets, rand));
      const answers = await Promise.all(
        requests.map(async (request) => {
          byCategory[request.category] = (byCategory[request.category] ?? 0) + 1;
          const response = await page.browser.fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
          return { request, status: response.status, text: await response.text() };
        }),
      );
      if (progress && i % 500 < batch) console.log(`FUZZ-PROGRESS ${i} ${Date.now() - started} ms`);
      const after = await persisted(page);
      const changed = after !== before;
      before = after;
      if (changed) stateChanges++;
      for (const [j, { request, status, text }] of answers.entries()) {
        // A clean refusal: an expected 4xx whose body explains itself (a notice or an error page)
        // and reflects nothing posted as markup.
        const clear = /<hx-partial hx-target="#el-notice"|<h1>[A-Z][a-z ]+<\/h1>/.test(text) && text.length > 60 && !/<script>|<img src=x/i.test(text);
        if (request.expect.includes(status) && clear && !changed) rejectedCleanly++;
        else if (problems.length < 20) {
          problems.push(`#${i + j} ${request.category} ${request.method} → ${status}${changed ? " CHANGED STATE (batch)" : ""}: ${String(request.body).slice(0, 160)} :: ${text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 200)}`);
        }
      }
    }
    const summary = { sent: cases, rejectedCleanly, stateChanges, seed, batch, byCategory };
    console.log(`FUZZ-RESULT ${JSON.stringify(summary)}`);
    expect(problems).toEqual([]);
    expect(stateChanges).toBe(0);
    expect(rejectedCleanly).toBe(cases);
    expect(await persisted(page)).toBe(before);
    // The session still works after all that.
    expect((await page.click("Click", { htmx: true })).status).toBe(200);
  }, Math.max(60_000, (inject("fuzzCases") ?? 300) * 150));
});

declare module "vitest" {
  export interface ProvidedContext {
    fuzzCases?: number;
    fuzzSeed?: number;
    fuzzBatch?: number;
  }
}

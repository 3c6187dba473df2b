/**
 * Hostile and malformed event posts for the fuzz tests (test/workers/fuzz.test.ts, and
 * bench/fuzz.mjs, which runs that test with many more cases). Every case must be refused with a
 * 4xx and leave the session's storage exactly as it was; none is a valid event in disguise.
 */
import { FIELD, HEADER, MAX_BODY_BYTES, SESSION_PARAM } from "../../src/wire";
import { BROWSER_COOKIE } from "../../src/wire";
import type { TestPage } from "./client";
import { ORIGIN } from "./client";

export interface FuzzRequest {
  category: string;
  method: string;
  /** Path and query; the page's event URL unless the case forges it. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Expected status class or exact status. */
  expect: number[];
}

/** A small seeded PRNG (mulberry32): the same seed gives the same cases. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Widget ids of the page by element kind (`el-node-<kind>` blocks with their `_w` field). */
export function widgetsOf(page: TestPage): Map<string, string> {
  const byLabel = new Map<string, string>();
  for (const block of page.html.split('<div class="el el-node-').slice(1)) {
    const id = block.match(/name="_w" value="([^"]+)"/)?.[1];
    const label = block.match(/class="el-label">([^<]+)</)?.[1];
    if (id && label) byLabel.set(label, id);
  }
  return byLabel;
}

/** Values each fuzz widget must refuse (codec checks), by label in examples/e2e/reliability.ts. */
const BAD_VALUES: Record<string, (string | string[])[]> = {
  "Fuzz checkbox": ["maybe", "", "off", "ON", "true", ["on", "on"]],
  "Fuzz toggle": ["1", "yes", ["on", "off"]],
  "Fuzz number": ["abc", "11", "-1", "1e400", "NaN", "Infinity", "-Infinity", "5.5", "0x5", "", ["1", "2"], "10.0001"],
  "Fuzz slider": ["101", "-1", "abc", "", ["1", "2"], "1e9", "NaN"],
  "Fuzz range": ["10", ["1", "2", "3"], ["a", "b"], ["-5", "200"], ["0", "101"], ["", ""]],
  "Fuzz select": ["3", "-1", "red", "1.5", "", ["0", "1"], "99999999999999999999"],
  "Fuzz multi": [["0", "1", "2"], "5", "x", "-1", ["0", "9"]],
  "Fuzz radio": ["2", "-1", "x", "", ["0", "1"]],
  "Fuzz select slider": ["3", "-1", "low", "", ["0", "1", "2"]],
  "Fuzz text": ["toolong", "123456", ["a", "b"]],
  "Fuzz area": ["123456789", ["a", "b"]],
  "Fuzz date": ["2023-12-31", "2025-01-01", "not-a-date", "2024-02-30", "2024-13-01", "", ["2024-01-02", "2024-01-03"]],
  "Fuzz time": ["25:00", "12:60", "noon", "12:30:99", "", ["12:00", "13:00"]],
  "Fuzz color": ["red", "#12345", "#GGGGGG", "javascript:alert(1)", "", ["#000000", "#ffffff"]],
};

const CATEGORIES = [
  "bad-value", "unknown-widget", "trigger-not-a-button", "unknown-trigger", "no-widget", "duplicate-field",
  "bad-seq", "stale-seq-unknown-widget", "huge-body", "empty-body", "bad-percent-encoding", "invalid-utf8",
  "wrong-method", "wrong-content-type", "forged-csrf", "foreign-origin", "missing-cookie", "forged-cookie",
  "bad-tab-token", "form-text-too-long",
] as const;

export function makeCase(page: TestPage, widgets: Map<string, string>, rand: () => number): FuzzRequest {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const junk = () => Math.floor(rand() * 2 ** 48).toString(36);
  const category = pick(CATEGORIES);
  const labels = Object.keys(BAD_VALUES).filter((label) => widgets.has(label));
  const label = pick(labels);
  const id = widgets.get(label)!;
  const button = page.button("Click");
  const fields: [string, string][] = [[FIELD.csrf, page.csrf]];
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN };
  const htmx = rand() < 0.5;
  if (htmx) headers[HEADER.htmxRequest] = "true";
  const withValue = (value: string | string[]) => {
    fields.push([FIELD.widget, id]);
    for (const v of Array.isArray(value) ? value : [value]) fields.push([id, v]);
  };
  const encode = () => new URLSearchParams(fields).toString();
  const post = (expect: number[], body: string | Uint8Array = encode()): FuzzRequest => ({ category, method: "POST", url: page.url, headers, body, expect });
  switch (category) {
    case "bad-value":
      withValue(pick(BAD_VALUES[label]));
      return post([400]);
    case "unknown-widget":
      fields.push([FIELD.widget, pick([junk(), `w${junk()}`, "", "__proto__", "constructor", "../../etc", "<script>"])], [junk(), "1"]);
      return post([400, 409]);
    case "trigger-not-a-button":
      fields.push([FIELD.widget, id], [FIELD.trigger, id]);
      return post([400, 409]);
    case "unknown-trigger":
      fields.push([FIELD.widget, junk()], [FIELD.trigger, pick([junk(), "toString", "__proto__"])]);
      return post([400, 409]);
    case "no-widget":
      if (rand() < 0.5) fields.push([FIELD.form, pick([page.html.match(/name="_f" value="([^"]+)"/)![1], junk()])]);
      return post([400]);
    case "duplicate-field": {
      const twice = pick([FIELD.trigger, FIELD.form, FIELD.seq, FIELD.csrf]);
      fields.push([FIELD.widget, button], [FIELD.trigger, button]);
      if (twice === FIELD.trigger) fields.push([FIELD.trigger, button]);
      else if (twice === FIELD.csrf) fields.push([FIELD.csrf, page.csrf]);
      else fields.push([twice, "1"], [twice, "2"]);
      return post([400, 403]);
    }
    case "bad-seq":
      fields.push([FIELD.widget, button], [FIELD.trigger, button], [FIELD.seq, pick(["abc", "1.5", "", "-", "9007199254740993", "NaN", "Infinity", "0x10"])]);
      return post([400]);
    case "stale-seq-unknown-widget":
      fields.push([FIELD.widget, junk()], [FIELD.seq, String(Math.max(0, page.seq - 1 - Math.floor(rand() * 5)))]);
      return post([409]);
    case "huge-body":
      fields.push([FIELD.widget, button], [FIELD.trigger, button], ["pad", "x".repeat(MAX_BODY_BYTES + 1 + Math.floor(rand() * 4096))]);
      return post([413]);
    case "empty-body":
      return post([403], "");
    case "bad-percent-encoding": {
      const broken = pick(["%", "%zz", "%4", "%%41", "%G1", "%u0041"]);
      return post([400], `${encode()}&${FIELD.widget}=${encodeURIComponent(id)}&${encodeURIComponent(id)}=a${broken}~`);
    }
    case "invalid-utf8": {
      const broken = pick(["%FF", "%C3%28", "%E2%82", "%ED%A0%80", "%F8%88%80%80%80", "%C0%AF"]);
      const where = rand() < 0.5 ? `${FIELD.widget}=${encodeURIComponent(id)}&${encodeURIComponent(id)}=x${broken}` : `${FIELD.widget}=w${broken}&${FIELD.trigger}=w${broken}`;
      return post([400], `${encode()}&${where}`);
    }
    case "wrong-method":
      return { category, method: pick(["PUT", "PATCH", "DELETE"]), url: page.url, headers, body: encode(), expect: [405] };
    case "wrong-content-type":
      fields.push([FIELD.widget, button], [FIELD.trigger, button]);
      headers["Content-Type"] = pick(["text/plain", "application/json", "text/html", "application/xml", "image/png", ""]);
      if (headers["Content-Type"] === "") delete headers["Content-Type"];
      return post([415], headers["Content-Type"] === "application/json" ? JSON.stringify(Object.fromEntries(fields)) : encode());
    case "forged-csrf":
      fields[0] = [FIELD.csrf, pick(["", junk(), page.csrf.slice(0, -1) + (page.csrf.endsWith("A") ? "B" : "A"), page.csrf.toLowerCase(), "x".repeat(43)])];
      if (fields[0][1] === page.csrf) fields[0][1] = junk();
      fields.push([FIELD.widget, button], [FIELD.trigger, button]);
      return post([403]);
    case "foreign-origin":
      fields.push([FIELD.widget, button], [FIELD.trigger, button]);
      headers.Origin = pick(["https://evil.example", "null", "http://edgelit.test", "https://edgelit.test.evil.example"]);
      return post([403]);
    case "missing-cookie":
      fields.push([FIELD.widget, button], [FIELD.trigger, button]);
      headers.Cookie = "";
      return post([403]);
    case "forged-cookie": {
      fields.push([FIELD.widget, button], [FIELD.trigger, button]);
      const real = page.browser.cookie!;
      headers.Cookie = `${BROWSER_COOKIE}=${pick([`${real.split(".")[0]}.${"A".repeat(43)}`, `${junk()}.${junk()}`, real.split(".")[0], `${real}.x`, "garbage"])}`;
      return post([403]);
    }
    case "bad-tab-token": {
      fields.push([FIELD.widget, button], [FIELD.trigger, button]);
      const token = pick(["", "short", "!!!!!!!!!!!!!!!!!!!!!!", `${page.token}x`]);
      return { category, method: "POST", url: `${page.pagePath}?${SESSION_PARAM}=${encodeURIComponent(token)}`, headers, body: encode(), expect: [400] };
    }
    case "form-text-too-long": {
      const text = widgetsOfForm(page);
      const form = page.html.match(/name="_f" value="([^"]+)"/)![1];
      fields.push([FIELD.widget, text], [text, "much too long"], [FIELD.form, form], [FIELD.trigger, page.button("Fuzz submit")]);
      return post([400]);
    }
  }
}

function widgetsOfForm(page: TestPage): string {
  return page.html.match(/for="([^"]+)-control" class="el-label">Fuzz form text</)![1];
}

// SEMANTICS 1.17 (R148–R150): TTL with an injected clock, LRU eviction, clearing and validation.
import { describe, expect, it } from "vitest";
import { createCaches, StreamlitAPIException } from "../../src/api";
import { parseTtl } from "../../src/runtime/cache-store";
import { AppTest } from "../../src/testing/app-test";

/** Caches of their own, with a clock the test moves. */
function clocked() {
  const clock = { now: 1_000_000 };
  return { clock, ...createCaches({ now: () => clock.now }) };
}

describe("cache storage", () => {
  it("R148: an entry expires ttl after it was written; reads do not extend it", () => {
    const { clock, cacheData } = clocked();
    let calls = 0;
    const stamp = cacheData(() => ++calls, { ttl: 10 });
    expect(stamp()).toBe(1);
    clock.now += 9_000;
    expect(stamp()).toBe(1);
    clock.now += 999;
    expect(stamp()).toBe(1);
    clock.now += 1;
    expect(stamp()).toBe(2);
    clock.now += 9_999;
    expect(stamp()).toBe(2);
  });

  it("R148: ttl takes seconds or a duration string", () => {
    expect(parseTtl(90)).toBe(90_000);
    expect(parseTtl("10s")).toBe(10_000);
    expect(parseTtl("30m")).toBe(1_800_000);
    expect(parseTtl("1h")).toBe(3_600_000);
    expect(parseTtl("1h30m")).toBe(5_400_000);
    expect(parseTtl("2 days")).toBe(172_800_000);
    expect(parseTtl(null)).toBeUndefined();
    const { clock, cacheResource } = clocked();
    let calls = 0;
    const client = cacheResource(() => ({ n: ++calls }), { ttl: "1h" });
    const first = client();
    clock.now += 3_599_999;
    expect(client()).toBe(first);
    clock.now += 1;
    expect(client()).toEqual({ n: 2 });
  });

  it("R148: bad ttl and maxEntries values raise a clear error when the function is made", () => {
    const { cacheData } = createCaches();
    expect(() => cacheData(() => 1, { ttl: "soon" })).toThrow(StreamlitAPIException);
    expect(() => cacheData(() => 1, { ttl: "soon" })).toThrow(
      '`ttl` must be a number of seconds or a duration such as "10s", "30m", "1h", "1d" or "1h30m"; it was "soon".',
    );
    expect(() => cacheData(() => 1, { ttl: -1 })).toThrow(/it was -1\./);
    expect(() => cacheData(() => 1, { maxEntries: 0 })).toThrow("`maxEntries` must be a positive integer; it was 0.");
    expect(() => cacheData(() => 1, { excludeArgs: [-1] })).toThrow(/`excludeArgs` must list argument positions/);
    expect(() => cacheData("load" as never)).toThrow(/`st.cacheData` expects a function to cache; it got a string\./);
  });

  it("R148: maxEntries evicts the least recently used entry", () => {
    const { cacheData } = createCaches();
    const calls: number[] = [];
    const double = cacheData((n: number) => (calls.push(n), n * 2), { maxEntries: 2 });
    double(1);
    double(2);
    double(1); // 1 is now the most recently used
    double(3); // evicts 2
    double(1);
    double(3);
    expect(calls).toEqual([1, 2, 3]);
    double(2);
    expect(calls).toEqual([1, 2, 3, 2]);
  });

  it("R149: f.clear() clears every entry of f, f.clear(...args) one entry", () => {
    const { cacheData } = createCaches();
    const calls: string[] = [];
    const greet = cacheData((name: string, punctuation = "!") => (calls.push(name), `hi ${name}${punctuation}`));
    greet("ada");
    greet("bob", "?");
    greet.clear("bob", "?");
    greet("ada");
    greet("bob", "?");
    expect(calls).toEqual(["ada", "bob", "bob"]);
    greet.clear();
    greet("ada");
    greet("bob", "?");
    expect(calls).toEqual(["ada", "bob", "bob", "ada", "bob"]);
  });

  it("R149: cacheData.clear() clears every cacheData function and leaves cacheResource alone", () => {
    const { cacheData, cacheResource } = createCaches();
    let data = 0;
    let resources = 0;
    const a = cacheData(() => ++data);
    const b = cacheData((n: number) => n + ++data);
    const r = cacheResource(() => ({ id: ++resources }));
    a();
    b(1);
    const first = r();
    cacheData.clear();
    a();
    b(1);
    expect(data).toBe(4);
    expect(r()).toBe(first);
    cacheResource.clear();
    expect(r()).toEqual({ id: 2 });
  });

  it("R149: st.cacheData.clear() and st.cacheResource.clear() work from inside an app, e.g. in a callback", async () => {
    let loads = 0;
    const at = await AppTest.fromFunction((st) => {
      const load = st.cacheData(() => ++loads);
      st.button("Refresh", { onClick: () => st.cacheData.clear() });
      st.markdown(`loaded ${load()} times`);
    }).run();
    await at.run();
    expect(at.markdown.values).toEqual(["loaded 1 times"]);
    at.button[0].click();
    await at.run();
    expect(at.markdown.values).toEqual(["loaded 2 times"]);
  });

  it("R149: a clear() while a computation is in flight keeps its result out of the cache", async () => {
    const { cacheData } = createCaches();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = cacheData(async () => {
      calls++;
      if (calls === 1) await gate;
      return calls;
    });
    const pending = load();
    load.clear();
    release();
    expect(await pending).toBe(1);
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
  });

  it("R150: cacheResource's validate drops an entry it rejects and recomputes", () => {
    const { cacheResource } = createCaches();
    let made = 0;
    const connect = cacheResource(() => ({ id: ++made, open: true }), { validate: (c) => c.open });
    const first = connect();
    expect(connect()).toBe(first);
    first.open = false;
    const second = connect();
    expect(second).toEqual({ id: 2, open: true });
    expect(connect()).toBe(second);
  });

  it("R148/R147: a module-level cached function given st records its elements and replays them after a hit", async () => {
    const { clock, cacheData } = clocked();
    let computed = 0;
    const banner = cacheData(
      (st: import("../../src/api").St, text: string) => {
        computed++;
        st.info(text);
        return text.toUpperCase();
      },
      { ttl: "1m" },
    );
    const app = (st: import("../../src/api").St) => {
      st.markdown(banner(st, "welcome"));
    };
    const first = await AppTest.fromFunction(app).run();
    const second = await AppTest.fromFunction(app).run();
    for (const at of [first, second]) {
      expect(at.info.values).toEqual(["welcome"]);
      expect(at.markdown.values).toEqual(["WELCOME"]);
    }
    expect(computed).toBe(1);
    clock.now += 60_000;
    await second.run();
    expect(computed).toBe(2);
    expect(second.info.values).toEqual(["welcome"]);
  });
});

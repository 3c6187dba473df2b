// SEMANTICS 1.17 (R141–R147, R151) and D11: keys, hits, copies, concurrency and element replay.
import { describe, expect, it } from "vitest";
import { cacheData, cacheResource, CachedWidgetError, UnhashableParamError, UnserializableReturnValueError, type Container } from "../../src/api";
import { AppSession, defineApp } from "../../src/runtime/session";
import { AppTest } from "../../src/testing/app-test";

const texts = (at: AppTest) => at.markdown.values;

describe("cacheData and cacheResource: keys and hits", () => {
  it("R141/D11: two sessions of one isolate share a cache; the function runs once", async () => {
    let computed = 0;
    const app = defineApp((st) => {
      // Defined inside the app function, so every run makes a new wrapper (R142: same identity).
      const square = st.cacheData((n: number) => (computed++, n * n));
      st.markdown(`square = ${square(12)}`);
    });
    const a = await AppTest.fromApp(app).run();
    const b = await AppTest.fromApp(app).run();
    await a.run();
    expect(texts(a)).toEqual(["square = 144"]);
    expect(texts(b)).toEqual(["square = 144"]);
    expect(computed).toBe(1);
  });

  it("R142: arguments are keyed by value and type: 1 and \"1\" differ, object key order does not", () => {
    let calls = 0;
    const echo = cacheData((value: unknown) => (calls++, typeof value));
    expect(echo(1)).toBe("number");
    expect(echo("1")).toBe("string");
    echo({ a: 1, b: [1, 2] });
    echo({ b: [1, 2], a: 1 });
    echo(new Map([["x", 1], ["y", 2]]));
    echo(new Map([["y", 2], ["x", 1]]));
    echo(new Set([1, 2]));
    echo(new Set([2, 1]));
    echo(null);
    echo(undefined);
    expect(calls).toBe(7);
    const ring: Record<string, unknown> = { name: "ring" };
    ring.self = ring;
    echo(ring);
    echo({ self: ring, name: "ring" }); // a different shape: one more level before the cycle
    echo(new Uint8Array([1, 2]));
    echo(new Uint16Array([1, 2]));
    echo(new Date(0));
    echo(new Date(0));
    expect(calls).toBe(12);
  });

  it("R142: a trailing undefined is an absent argument; editing the function body is a new cache", () => {
    let calls = 0;
    const add = cacheData((a: number, b = 1) => (calls++, a + b));
    expect(add(1)).toBe(2);
    expect(add(1, undefined)).toBe(2);
    expect(calls).toBe(1);
    const edited = cacheData((a: number, b = 1) => (calls++, a + b + 0));
    expect(edited(1)).toBe(2);
    expect(calls).toBe(2);
  });

  it("R143: excludeArgs leaves argument positions out of the key; containers are left out by themselves", async () => {
    let calls = 0;
    const query = cacheData((_connection: { send(): void }, sql: string) => (calls++, sql.length), { excludeArgs: [0] });
    expect(query({ send() {} }, "select 1")).toBe(8);
    expect(query({ send() {} }, "select 1")).toBe(8);
    expect(calls).toBe(1);
    const drawn = cacheData((target: Container, label: string) => (calls++, target.markdown(label), label));
    const at = await AppTest.fromFunction((st) => {
      drawn(st, "one");
      drawn(st.sidebar, "one");
    }).run();
    expect(calls).toBe(2);
    expect(at.main.markdown.values).toEqual(["one"]);
    expect(at.sidebar.markdown.values).toEqual(["one"]);
  });

  it("R144: an unhashable argument raises UnhashableParamError naming it, its type and the function", () => {
    class Connection {
      constructor(readonly id: string) {}
    }
    const load = cacheData(function load(connection: Connection, table: string) {
      return `${connection.id}/${table}`;
    });
    let error: unknown;
    try {
      load(new Connection("db"), "users");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnhashableParamError);
    const message = (error as Error).message;
    expect(message.startsWith("Cannot hash argument 'connection' (of type `Connection`) in 'load'.")).toBe(true);
    expect(message).toContain("const cached = st.cacheData(load, { excludeArgs: [0] });");
    expect(message).toContain("{ hashFuncs: { Connection: (value) => value.id } }");
  });

  it("R144: a nested unhashable value is located; hashFuncs makes a type hashable", () => {
    const run = cacheData((options: { transform: (x: number) => number }) => options.transform(2));
    expect(() => run({ transform: (x) => x * 2 })).toThrow(
      /^Cannot hash argument 'options' \(of type `Object`\) in '\(anonymous function\)'\.\n\nThe value at `options\.transform` \(of type `Function`\)/,
    );
    let calls = 0;
    const hashed = cacheData((options: { transform: (x: number) => number }) => (calls++, options.transform(2)), {
      hashFuncs: { Function: (fn: Function) => fn.toString() },
    });
    expect(hashed({ transform: (x) => x * 2 })).toBe(4);
    expect(hashed({ transform: (x) => x * 2 })).toBe(4);
    expect(hashed({ transform: (x) => x * 3 })).toBe(6);
    expect(calls).toBe(2);
  });

  it("R145: cacheData returns a fresh structured clone on every call; mutating it leaves the cache intact", () => {
    const rows = cacheData(() => ({ rows: [1, 2, 3] }));
    const first = rows();
    first.rows.push(4);
    const second = rows();
    expect(second).toEqual({ rows: [1, 2, 3] });
    expect(second).not.toBe(rows());
  });

  it("R145: cacheResource returns the same object to every caller in every session", async () => {
    const client = cacheResource(() => ({ requests: 0 }));
    const app = defineApp((st) => {
      const shared = client();
      shared.requests += 1;
      st.markdown(`requests = ${shared.requests}`);
    });
    await AppTest.fromApp(app).run();
    const b = await AppTest.fromApp(app).run();
    expect(texts(b)).toEqual(["requests = 2"]);
    expect(client()).toBe(client());
  });

  it("R145: a value that cannot be cloned raises UnserializableReturnValueError, and nothing is cached", async () => {
    class Point {
      constructor(readonly x: number) {}
      norm() {
        return Math.abs(this.x);
      }
    }
    let calls = 0;
    const point = cacheData(function point() {
      calls++;
      return { at: new Point(3) };
    });
    expect(() => point()).toThrow(UnserializableReturnValueError);
    expect(() => point()).toThrow(/^Cannot serialize the return value \(of type `Object`\) in 'point'\..*`\.at` is an instance of `Point`/s);
    expect(calls).toBe(2);
    await expect(cacheData(async () => () => 1)()).rejects.toThrow(/use `st.cacheResource` instead/);
  });

  it("R146: a throwing miss caches nothing and the error propagates; a rejected promise is not cached", async () => {
    let calls = 0;
    const flaky = cacheData((n: number) => {
      calls++;
      if (calls === 1) throw new Error("first call fails");
      return n;
    });
    expect(() => flaky(1)).toThrow("first call fails");
    expect(flaky(1)).toBe(1);
    let attempts = 0;
    const fetchOnce = cacheData(async (n: number) => {
      attempts++;
      if (attempts === 1) throw new Error("network down");
      return n;
    });
    await expect(fetchOnce(5)).rejects.toThrow("network down");
    expect(await fetchOnce(5)).toBe(5);
    expect(await fetchOnce(5)).toBe(5);
    expect(attempts).toBe(2);
  });

  it("R146: concurrent misses for one key compute once, across sessions", async () => {
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = cacheData(async (n: number) => {
      computed++;
      await gate;
      return { n };
    });
    const app = defineApp(async (st) => {
      st.markdown(`n = ${(await slow(7)).n}`);
    });
    const sessions = [new AppSession(app), new AppSession(app), new AppSession(app)];
    const runs = Promise.all(sessions.map((s) => s.load()));
    const direct = slow(7);
    release();
    const outcomes = await runs;
    expect(await direct).toEqual({ n: 7 });
    expect(computed).toBe(1);
    for (const outcome of outcomes) expect(outcome.roots[0].children[0].props.body).toBe("n = 7");
  });

  it("a cached function works outside a run (module level, no session); nothing is recorded", async () => {
    const constant = cacheData(async () => [1, 2, 3]);
    expect(await constant()).toEqual([1, 2, 3]);
    const at = await AppTest.fromFunction(async (st) => {
      st.markdown(`sum = ${(await constant()).reduce((a, b) => a + b)}`);
    }).run();
    expect(texts(at)).toEqual(["sum = 6"]);
  });
});

describe("cached elements (R147) and the spinner (R151)", () => {
  it("R147: elements drawn on a miss are replayed at the caller's position on every hit", async () => {
    let computed = 0;
    const app = defineApp((st) => {
      const report = st.cacheData((title: string) => {
        computed++;
        st.subheader(title);
        const cols = st.columns(2);
        cols[1].markdown("right column");
        return title.length;
      });
      st.markdown("before");
      const [, right] = st.columns(2);
      right.with(() => st.markdown(`length = ${report("Sales")}`));
      st.markdown("after");
    });
    const first = await AppTest.fromApp(app).run();
    const second = await AppTest.fromApp(app).run();
    expect(computed).toBe(1);
    for (const at of [first, second]) {
      expect(at.main.markdown.values).toEqual(["before", "right column", "length = 5", "after"]);
      const outer = at.columns[0].column[1];
      expect(outer.subheader.values).toEqual(["Sales"]);
      expect(outer.column[1].markdown.values).toEqual(["right column"]);
    }
    expect(JSON.stringify(second.lastRun.roots)).toBe(JSON.stringify(first.lastRun.roots));
  });

  it("R147: a cached function calling another records the inner one's elements too", async () => {
    const computed: string[] = [];
    const app = defineApp((st) => {
      const inner = st.cacheData((n: number) => (computed.push("inner"), st.text(`inner ${n}`), n));
      const outer = st.cacheData((n: number) => {
        computed.push("outer");
        st.expander("details").with(() => inner(n));
        return n * 10;
      });
      st.markdown(`outer = ${outer(4)}`);
      st.markdown(`inner = ${inner(4)}`);
    });
    const first = await AppTest.fromApp(app).run();
    const second = await AppTest.fromApp(app).run();
    expect(computed).toEqual(["outer", "inner"]);
    for (const at of [first, second]) {
      expect(at.expander[0].text.values).toEqual(["inner 4"]);
      expect(at.main.text.values).toEqual(["inner 4", "inner 4"]);
      expect(at.markdown.values).toEqual(["outer = 40", "inner = 4"]);
    }
  });

  it("R147: an async cached function replays for the sessions that waited on its computation", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = defineApp(async (st) => {
      const load = st.cacheData(async () => {
        st.caption("loaded from the source");
        await gate;
        return 42;
      });
      st.markdown(`value = ${await load()}`);
    });
    const sessions = [new AppSession(app), new AppSession(app)];
    const runs = Promise.all(sessions.map((s) => s.load()));
    release();
    for (const outcome of await runs) {
      expect(outcome.roots[0].children.map((n) => n.props.body)).toEqual(["loaded from the source", "value = 42"]);
    }
  });

  it("R147: a widget inside a cached function raises CachedWidgetError", async () => {
    const at = await AppTest.fromFunction((st) => {
      const pick = st.cacheData(function pick() {
        return st.slider("Rows");
      });
      pick();
    }).run();
    expect(at.exception[0].props.name).toBe(new CachedWidgetError("").name);
    expect(at.exception[0].value).toMatch(/^`st.slider\(\)` was called inside the cached function 'pick'/);
    expect(at.slider.length).toBe(0);
  });

  it("R147: drawing into a container made outside the cached function is refused with how to fix it", async () => {
    const at = await AppTest.fromFunction((st) => {
      const box = st.container();
      const fill = st.cacheData(function fill() {
        box.markdown("inside");
      });
      fill();
    }).run();
    expect(at.exception[0].value).toMatch(/^While running fill\(\), an element \(`markdown`\) was drawn into a container created outside/);
  });

  it("R151: no spinner: a miss draws only what the function draws", async () => {
    const at = await AppTest.fromFunction((st) => {
      const quiet = st.cacheData((n: number) => n + 1);
      st.markdown(`${quiet(1)}`);
    }).run();
    expect(at.main.descendants.map((n) => n.type)).toEqual(["markdown"]);
  });
});

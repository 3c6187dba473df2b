// SEMANTICS 1.15: st.queryParams, through AppTest's model of the address bar (R156).
import { describe, expect, it } from "vitest";
import { AppTest } from "../../src/testing/app-test";
import type { St } from "../../src/api";

/** The message of the exception box the run drew, if any. */
const exceptionOf = (at: AppTest) => at.exception.values[0] as string | undefined;

describe("1.15 query parameters", () => {
  it("R132: reads give a key's last value, blank values stay, getAll lists them, toDict maps to the last", async () => {
    const at = AppTest.fromFunction((st) => {
      st.json({
        item: st.queryParams["tag"],
        attr: st.queryParams.tag,
        blank: st.queryParams.empty,
        all: st.queryParams.getAll("tag"),
        none: st.queryParams.getAll("nope"),
        dict: st.queryParams.toDict(),
        has: "tag" in st.queryParams,
        hasNot: "nope" in st.queryParams,
        keys: Object.keys(st.queryParams),
        entries: [...st.queryParams],
        fallback: st.queryParams.get("nope", "x"),
      });
    });
    at.queryParams = { tag: ["a", "b"], empty: "" };
    await at.run();
    expect(JSON.parse(at.json[0].props.text as string)).toEqual({
      item: "b",
      attr: "b",
      blank: "",
      all: ["a", "b"],
      none: [],
      dict: { tag: "b", empty: "" },
      has: true,
      hasNot: false,
      keys: ["tag", "empty"],
      entries: [["tag", "b"], ["empty", ""]],
      fallback: "x",
    });
  });

  it("R132: every run re-reads the URL's query (a reload with another URL sees the new one)", async () => {
    const at = AppTest.fromFunction((st) => void st.text(st.queryParams.get("page", "none")));
    await at.run();
    expect(at.text.values).toEqual(["none"]);
    at.queryParams = { page: "2" };
    await at.run();
    expect(at.text.values).toEqual(["2"]);
  });

  it("R133: a missing key, read as an item or a property, raises the exact KeyError text", async () => {
    const read = async (main: (st: St) => void) => exceptionOf(await AppTest.fromFunction(main).run());
    const text = 'st.queryParams has no key "missing". Did you forget to initialize it?';
    expect(await read((st) => void st.text(st.queryParams["missing"]))).toContain(text);
    expect(await read((st) => void st.text(st.queryParams.missing))).toContain(text);
    expect(await read((st) => void delete st.queryParams.missing)).toContain(text);
    expect(await read((st) => st.queryParams.delete("missing"))).toContain(text);
  });

  it("R134: writes are stringified, iterables repeat a key, later reads and the address see them", async () => {
    const at = AppTest.fromFunction((st) => {
      st.queryParams.n = 5;
      st.queryParams["flag"] = true;
      st.queryParams.tags = ["x", "y"];
      st.text(`${st.queryParams.n} ${st.queryParams.flag} ${st.queryParams.getAll("tags").join(",")}`);
    });
    await at.run();
    expect(at.text.values).toEqual(["5 true x,y"]);
    expect(at.queryParams).toEqual({ n: ["5"], flag: ["true"], tags: ["x", "y"] });
  });

  it("R134: a write keeps an existing key's place; update sets several; delete and clear remove", async () => {
    const at = AppTest.fromFunction((st) => {
      st.queryParams.a = "1";
      st.queryParams.update({ c: 3, d: [4, 5] });
      delete st.queryParams.b;
      st.text(Object.keys(st.queryParams).join(","));
      st.queryParams.clear();
      st.text(String(Object.keys(st.queryParams).length));
      st.queryParams.update(new Map([["m", "v"]]));
      st.queryParams.update([["p", "q"]]);
    });
    at.queryParams = { b: "x", a: "0" };
    await at.run();
    expect(at.text.values).toEqual(["a,c,d", "0"]);
    expect(at.queryParams).toEqual({ m: ["v"], p: ["q"] });
  });

  it("R134: writes survive st.rerun() and do not start a rerun themselves", async () => {
    let runs = 0;
    const at = AppTest.fromFunction((st) => {
      runs++;
      st.sessionState.reran ??= false;
      if (!st.sessionState.reran) {
        st.queryParams.step = "written";
        st.sessionState.reran = true;
        st.rerun();
      }
      st.text(st.queryParams.step);
    });
    await at.run();
    expect(runs).toBe(2);
    expect(at.text.values).toEqual(["written"]);
    expect(at.queryParams).toEqual({ step: ["written"] });
    const before = runs;
    await AppTest.fromFunction((st) => void (st.queryParams.x = (runs++, "1"))).run();
    expect(runs).toBe(before + 1);
  });

  it("R134: a dictionary value raises the exact error and changes nothing", async () => {
    const at = AppTest.fromFunction((st) => {
      try {
        st.queryParams.bad = { a: 1 };
      } finally {
        st.text(JSON.stringify(st.queryParams.toDict()));
      }
    });
    at.queryParams = { keep: "1" };
    await at.run();
    expect(exceptionOf(at)).toContain("You cannot set a query params key `bad` to a dictionary.");
    expect(at.text.values).toEqual(['{"keep":"1"}']);
  });

  it("R134: fromDict replaces everything at once, and an error in it restores the old query", async () => {
    const at = AppTest.fromFunction((st) => {
      st.queryParams.fromDict({ x: "1", y: ["2", "3"] });
      st.text(JSON.stringify(st.queryParams.toDict()));
      try {
        st.queryParams.fromDict({ z: "ok", bad: new Map() });
      } catch (error) {
        st.text((error as Error).message);
      }
      st.text(JSON.stringify(st.queryParams.toDict()));
    });
    at.queryParams = { old: "gone" };
    await at.run();
    expect(at.text.values).toEqual([
      '{"x":"1","y":"3"}',
      "You cannot set a query params key `bad` to a dictionary.",
      '{"x":"1","y":"3"}',
    ]);
    expect(at.queryParams).toEqual({ x: ["1"], y: ["2", "3"] });
  });

  it("R135: embed and embed_options are hidden, cannot be set (any case) and survive clear() and fromDict()", async () => {
    const at = AppTest.fromFunction((st) => {
      st.text(JSON.stringify({ keys: Object.keys(st.queryParams), embed: "embed" in st.queryParams, get: st.queryParams.get("embed") ?? null }));
      for (const key of ["embed", "EMBED_options"]) {
        try {
          st.queryParams[key] = "true";
        } catch (error) {
          st.text((error as Error).message);
        }
      }
      st.queryParams.clear();
      st.queryParams.fromDict({ a: "1" });
    });
    at.queryParams = { embed: "true", embed_options: "light_theme", x: "1" };
    await at.run();
    expect(at.text.values).toEqual([
      '{"keys":["x"],"embed":false,"get":null}',
      "Query param embed and embed_options (case-insensitive) cannot be set programmatically.",
      "Query param embed and embed_options (case-insensitive) cannot be set programmatically.",
    ]);
    expect(at.queryParams).toEqual({ embed: ["true"], embed_options: ["light_theme"], a: ["1"] });
  });

  it("R135: the tab token _s is never seen and cannot be set", async () => {
    const at = AppTest.fromFunction((st) => {
      st.text(JSON.stringify(st.queryParams.toDict()));
      st.queryParams._s = "stolen";
    });
    at.queryParams = { _s: "AAAAAAAAAAAAAAAAAAAAAA", x: "1" };
    await at.run();
    expect(at.text.values).toEqual(['{"x":"1"}']);
    expect(exceptionOf(at)).toContain("Query param _s (case-sensitive) is Edgelit's tab token and cannot be set programmatically");
  });

  it("R132/D12: a widget event runs with the address's query, and session state stays beside it", async () => {
    const at = AppTest.fromFunction((st) => {
      st.sessionState.clicks ??= 0;
      if (st.button("Next")) {
        st.sessionState.clicks += 1;
        st.queryParams.page = String(st.sessionState.clicks);
      }
      st.text(`${st.queryParams.get("page", "0")} ${st.sessionState.clicks}`);
    });
    await at.run();
    at.button[0].click();
    await at.run();
    expect(at.text.values).toEqual(["1 1"]);
    // The user edits the URL and reloads: the URL is the input, the session keeps its state.
    at.queryParams = { page: "7" };
    await at.run();
    expect(at.text.values).toEqual(["7 1"]);
  });

  it("st.write shows the query as JSON (it is not mistaken for a Promise)", async () => {
    const at = AppTest.fromFunction((st) => void st.write(st.queryParams));
    at.queryParams = { a: "1" };
    await at.run();
    expect(at.json[0].props.text).toContain('"a": "1"');
  });
});

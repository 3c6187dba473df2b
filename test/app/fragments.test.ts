// SEMANTICS 1.13 (fragments): calls, identity, fragment runs, nesting and runEvery, with D13
// (AppTest simulates fragment runs). More rules in fragment-rules.test.ts and fragments-eviction.test.ts.
import { describe, expect, it } from "vitest";
import type { AppFunction } from "../../src/runtime/session";
import { AppTest } from "../../src/testing/app-test";

/** An app whose full runs are counted in `full` and the fragment's runs in `frag`. */
function counted(extra: (st: Parameters<AppFunction>[0]) => void = () => undefined): AppFunction {
  return (st) => {
    st.sessionState.full = (st.sessionState.full ?? 0) + 1;
    st.sessionState.n ??= 0;
    st.markdown(`outside sees n = ${st.sessionState.n}`);
    const counter = st.fragment((label: string) => {
      st.sessionState.frag = (st.sessionState.frag ?? 0) + 1;
      if (st.button("Add")) st.sessionState.n += 1;
      st.markdown(`${label} ${st.sessionState.n}`);
    });
    counter("inside sees n =");
    extra(st);
  };
}

describe("R117: calling a fragment in a full run", () => {
  it("R117: runs it at once in its own container at the call position and returns its value", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("before");
      const answer = st.fragment((a: number, b: number) => {
        st.markdown("inside");
        return a + b;
      });
      st.markdown(`returned ${answer(40, 2)}`);
    }).run();
    expect(at.main.block.children.map((n) => n.type)).toEqual(["markdown", "fragment", "markdown"]);
    expect(at.fragment[0].markdown.values).toEqual(["inside"]);
    expect(at.markdown.values).toEqual(["before", "inside", "returned 42"]);
    expect(at.lastRun.fragment).toBeUndefined();
  });

  it("R117: an async fragment is awaited like any async body", async () => {
    const at = await AppTest.fromFunction(async (st) => {
      const slow = st.fragment(async () => {
        await Promise.resolve();
        st.markdown("inside, after an await");
        return "done";
      });
      st.markdown(`returned ${await slow()}`);
    }).run();
    expect(at.fragment[0].markdown.values).toEqual(["inside, after an await"]);
    expect(at.markdown.values).toEqual(["inside, after an await", "returned done"]);
  });

  it("R117: is usable from any container (the innermost `with` at the call)", async () => {
    const at = await AppTest.fromFunction((st) => {
      const tag = st.fragment((text: string) => st.markdown(text));
      const [left, right] = st.columns(2);
      right.with(() => tag("in the right column"));
      st.sidebar.with(() => tag("in the sidebar"));
      left.markdown("left");
    }).run();
    expect(at.column[1].fragment[0].markdown.values).toEqual(["in the right column"]);
    expect(at.sidebar.fragment[0].markdown.values).toEqual(["in the sidebar"]);
  });
});

describe("R118: fragment identity", () => {
  it("R118: is stable across runs although the function is created anew each run", async () => {
    const at = await AppTest.fromFunction(counted()).run();
    const id = at.fragment[0].props.id;
    await at.run();
    expect(at.fragment[0].props.id).toBe(id);
    at.button[0].click();
    await at.run();
    expect(at.lastRun.fragment).toBe(id);
  });

  it("R118: one function called at two positions is two fragments, each rerunning alone", async () => {
    const at = await AppTest.fromFunction((st) => {
      const box = st.fragment((name: string) => {
        st.sessionState[name] ??= 0;
        if (st.button(`Add to ${name}`)) st.sessionState[name] += 1;
        st.markdown(`${name} = ${st.sessionState[name]}`);
      });
      box("a");
      box("b");
    }).run();
    const [a, b] = at.fragment;
    expect(a.props.id).not.toBe(b.props.id);
    at.button[1].click();
    await at.run();
    expect(at.lastRun.fragment).toBe(b.props.id);
    expect(at.markdown.values).toEqual(["a = 0", "b = 1"]);
  });

  it("R118: a keyed fragment keeps its identity when it moves; two with one key collide (R24)", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (st.checkbox("Shift")) st.markdown("pushes the fragment down");
      st.fragment(() => st.markdown("keyed"), { key: "k" })();
    }).run();
    const id = at.fragment[0].props.id;
    at.checkbox[0].check();
    await at.run();
    expect(at.fragment[0].props.id).toBe(id);

    const twice = await AppTest.fromFunction((st) => {
      st.fragment(() => st.markdown("one"), { key: "same" })();
      st.fragment(() => st.markdown("two"), { key: "same" })();
    }).run();
    expect(twice.exception[0].value).toMatch(/There are multiple elements with the same `key='same'`/);
  });
});

describe("R119: fragment runs", () => {
  it("R119/R125: a widget inside a fragment reruns only the fragment; everything outside stays as it was", async () => {
    const at = await AppTest.fromFunction(counted()).run();
    at.button[0].click();
    await at.run();
    expect(at.lastRun.fragment).toBe(at.fragment[0].props.id);
    expect(at.sessionState.full).toBe(1);
    expect(at.sessionState.frag).toBe(2);
    // R125: the state is shared, but the element outside still shows the full run's value.
    expect(at.markdown.values).toEqual(["outside sees n = 0", "inside sees n = 1"]);
    await at.run(); // a full run refreshes everything (R120)
    expect(at.markdown.values).toEqual(["outside sees n = 1", "inside sees n = 1"]);
    expect(at.sessionState.full).toBe(2);
  });

  it("R119: callbacks run first, then the fragment, with the arguments of its last full-run call", async () => {
    const order: string[] = [];
    const at = await AppTest.fromFunction((st) => {
      order.push("body");
      st.sessionState.label ??= "first";
      const f = st.fragment((label: string) => {
        order.push(`fragment(${label})`);
        st.checkbox("Tick", { key: "tick", onChange: () => order.push(`callback ${st.sessionState.tick}`) });
      });
      f(st.sessionState.label);
      st.sessionState.label = "changed after the call"; // R128: not seen by fragment runs
    }).run();
    order.length = 0;
    at.checkbox[0].check();
    await at.run();
    expect(order).toEqual(["callback true", "fragment(first)"]);
  });

  it("R119: a fragment run keeps the fragment's `with` context (its column, its form)", async () => {
    const at = await AppTest.fromFunction((st) => {
      const [, right] = st.columns(2);
      right.with(() =>
        st.fragment(() => {
          if (st.button("Press")) st.markdown("pressed");
        })(),
      );
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.lastRun.fragment).toBeDefined();
    expect(at.column[1].markdown.values).toEqual(["pressed"]);
  });

  it("R119/R87 (D13): a form inside a fragment submits as a fragment run", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.full = (st.sessionState.full ?? 0) + 1;
      st.fragment(() => {
        st.form("f", () => {
          const name = st.textInput("Name");
          if (st.formSubmitButton("Send")) st.markdown(`sent ${name}`);
        });
      })();
    }).run();
    at.textInput[0].input("Ada");
    at.formSubmitButton[0].click();
    await at.run();
    expect(at.lastRun.fragment).toBeDefined();
    expect(at.markdown.values).toEqual(["sent Ada"]);
    expect(at.sessionState.full).toBe(1);
  });
});

describe("R120, R121: full runs and nested fragments", () => {
  it("R120: a widget outside any fragment reruns everything, fragments included", async () => {
    const at = await AppTest.fromFunction(
      counted((st) => {
        st.button("Outside");
      }),
    ).run();
    at.button[1].click();
    await at.run();
    expect(at.lastRun.fragment).toBeUndefined();
    expect(at.sessionState.full).toBe(2);
    expect(at.sessionState.frag).toBe(2);
  });

  it("R120/R92: st.rerun() inside a fragment run reruns the whole app", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.full = (st.sessionState.full ?? 0) + 1;
      st.fragment(() => {
        if (st.button("Rerun all")) st.rerun();
      })();
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.lastRun.fragment).toBeUndefined();
    expect(at.sessionState.full).toBe(2);
  });

  it("R121: an inner fragment's widget reruns only the inner one; the outer's reruns both", async () => {
    const runs: string[] = [];
    const at = await AppTest.fromFunction((st) => {
      runs.push("app");
      st.fragment(() => {
        runs.push("outer");
        st.button("Outer");
        st.fragment(() => {
          runs.push("inner");
          st.button("Inner");
        })();
      })();
    }).run();
    runs.length = 0;
    at.button[1].click();
    await at.run();
    expect(runs).toEqual(["inner"]);
    expect(at.lastRun.fragment).toBe(at.fragment[1].props.id);
    runs.length = 0;
    at.button[0].click();
    await at.run();
    expect(runs).toEqual(["outer", "inner"]);
    expect(at.lastRun.fragment).toBe(at.fragment[0].props.id);
  });
});

describe("R122: runEvery", () => {
  it("R122: a timer tick is a fragment run without widget values", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.full = (st.sessionState.full ?? 0) + 1;
      st.fragment(
        () => {
          st.sessionState.ticks = (st.sessionState.ticks ?? 0) + 1;
          st.markdown(`ticks ${st.sessionState.ticks}`);
        },
        { runEvery: "2s" },
      )();
    }).run();
    expect(at.fragment[0].props.runEvery).toBe(2000);
    await at.runFragment(at.fragment[0]);
    await at.runFragment(at.fragment[0]);
    expect(at.markdown.values).toEqual(["ticks 3"]);
    expect(at.sessionState.full).toBe(1);
    expect(at.lastRun.fragment).toBe(at.fragment[0].props.id);
  });

  it("R122: a tick for a fragment the page no longer has runs nothing (its timer stops with it)", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.full = (st.sessionState.full ?? 0) + 1;
      if (st.checkbox("Clock", { value: true })) st.fragment(() => st.markdown("tick"), { runEvery: 1 })();
    }).run();
    const id = String(at.fragment[0].props.id);
    at.checkbox[0].uncheck();
    await at.run();
    await at.runFragment(id);
    expect(at.lastRun.runs).toBe(0);
    expect(at.sessionState.full).toBe(2);
  });

  it("R122: runEvery takes seconds or strings like \"1m30s\", and refuses anything else", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.fragment(() => undefined, { runEvery: "1m30s" })();
      st.fragment(() => undefined, { runEvery: 0.5 })();
      st.fragment(() => undefined, { runEvery: "500ms" })();
      st.fragment(() => undefined, { runEvery: "soon" })();
    }).run();
    expect(at.fragment.map((f) => f.props.runEvery)).toEqual([90_000, 500, 500]);
    expect(at.exception[0].value).toMatch(/`runEvery` must be a number of seconds .* it was soon/);
  });
});

// SEMANTICS 1.1, 1.2, 1.7, 1.8, 1.11: runs, the lifecycle, triggers, callbacks, rerun and stop.
import { describe, expect, it, vi } from "vitest";
import { AppTest } from "../../src/testing/app-test";

describe("1.1 sessions and runs", () => {
  it("R2: plain variables never survive between runs; session state does", async () => {
    const seen: number[] = [];
    const at = await AppTest.fromFunction((st) => {
      let local = 0;
      local += 1;
      st.sessionState.runs = (st.sessionState.runs ?? 0) + 1;
      seen.push(local);
    }).run();
    await at.run();
    expect(seen).toEqual([1, 1]);
    expect(at.sessionState.runs).toBe(2);
  });

  it("R6: elements of the previous run that are not drawn again disappear", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (st.button("Toggle")) st.markdown("only in the click run");
      st.markdown("always");
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.markdown.values).toEqual(["only in the click run", "always"]);
    await at.run();
    expect(at.markdown.values).toEqual(["always"]);
  });
});

describe("1.2 run lifecycle", () => {
  it("R9/R14: callbacks run before the body and see the new value", async () => {
    const order: string[] = [];
    const at = await AppTest.fromFunction((st) => {
      order.push("body");
      st.checkbox("c", { key: "c", onChange: () => order.push(`callback:${st.sessionState.c}`) });
    }).run();
    order.length = 0;
    at.checkbox[0].check();
    await at.run();
    expect(order).toEqual(["callback:true", "body"]);
  });

  it("R10: a run started by st.rerun() fires no callbacks", async () => {
    const calls = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.n ??= 0;
      st.checkbox("c", { onChange: calls });
      if (st.sessionState.n < 2) {
        st.sessionState.n += 1;
        st.rerun();
      }
    }).run();
    expect(at.lastRun.runs).toBe(3);
    at.checkbox[0].check();
    await at.run();
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it("R11: widgets below st.stop() keep their state", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (st.checkbox("stop here")) st.stop();
      st.textInput("below", { key: "below" });
    }).run();
    at.textInput[0].input("kept");
    await at.run();
    at.checkbox[0].check();
    await at.run();
    expect(at.textInput.length).toBe(0);
    expect(at.lastRun.status).toBe("stopped");
    at.checkbox[0].uncheck();
    await at.run();
    expect(at.textInput[0].value).toBe("kept");
  });

  it("R11: widgets below an exception keep their state", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (st.checkbox("fail")) throw new Error("boom");
      st.textInput("below");
    }).run();
    at.textInput[0].input("kept");
    await at.run();
    at.checkbox[0].check();
    await at.run();
    expect(at.exception.values).toEqual(["boom"]);
    at.checkbox[0].uncheck();
    await at.run();
    expect(at.textInput[0].value).toBe("kept");
  });

  it("R12: widgets after an st.rerun() line are not dropped", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.flag ??= false;
      if (st.button("go")) {
        st.sessionState.flag = true;
        st.rerun();
      }
      st.textInput("after", { key: "after" });
    }).run();
    at.textInput[0].input("typed");
    await at.run();
    at.button[0].click();
    await at.run();
    expect(at.textInput[0].value).toBe("typed");
    expect(at.sessionState.after).toBe("typed");
  });

  it("R13: a display above a button lags one run (D16)", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.v ??= "old";
      st.markdown(st.sessionState.v);
      if (st.button("set")) st.sessionState.v = "new";
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.markdown.values).toEqual(["old"]);
    await at.run();
    expect(at.markdown.values).toEqual(["new"]);
  });
});

describe("1.7 trigger widgets", () => {
  it("R52: a button is true only in its click run, including not in a run started by st.rerun()", async () => {
    const values: boolean[] = [];
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.reran ??= false;
      const clicked = st.button("b");
      values.push(clicked);
      if (clicked && !st.sessionState.reran) {
        st.sessionState.reran = true;
        st.rerun();
      }
    }).run();
    at.button[0].click();
    await at.run();
    expect(values).toEqual([false, true, false]);
    values.length = 0;
    await at.run();
    expect(values).toEqual([false]);
  });

  it("R52: clicking twice gives two true runs", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.n ??= 0;
      if (st.button("b")) st.sessionState.n += 1;
    }).run();
    at.button[0].click();
    at.button[0].click();
    await at.run();
    expect(at.sessionState.n).toBe(2);
  });

  it("R45/R55: a keyed button's value is readable through session state before it is drawn", async () => {
    const seen: unknown[] = [];
    const at = await AppTest.fromFunction((st) => {
      seen.push(st.sessionState.get("btn"));
      st.button("b", { key: "btn" });
    }).run();
    at.button[0].click();
    await at.run();
    expect(seen).toEqual([undefined, true]);
  });
});

describe("1.8 callbacks", () => {
  it("R57/R59: args are captured when the widget is drawn", async () => {
    const got: unknown[] = [];
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.n ??= 0;
      st.button("b", { onClick: (n: number, tag: string) => got.push([n, tag]), args: [st.sessionState.n, "x"] });
      st.sessionState.n += 1;
    }).run();
    at.button[0].click();
    await at.run();
    expect(got).toEqual([[0, "x"]]);
  });

  it("R58: a callback fires once per change, not on first render nor when the value is unchanged", async () => {
    const calls = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      st.textInput("t", { onChange: calls });
    }).run();
    expect(calls).not.toHaveBeenCalled();
    at.textInput[0].input("a");
    await at.run();
    at.textInput[0].input("a");
    await at.run();
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it("R50: assigning a widget's value through session state fires no callback", async () => {
    const calls = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      if (st.button("set")) st.sessionState.c = true;
      st.checkbox("c", { key: "c", onChange: calls });
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.checkbox[0].value).toBe(true);
    await at.run();
    expect(calls).not.toHaveBeenCalled();
  });

  it("R60: a callback sees the new values of every widget in the payload", async () => {
    let seen: unknown;
    const at = await AppTest.fromFunction((st) => {
      st.form("f", {}, () => {
        st.textInput("a", { key: "a" });
        st.slider("s", { key: "s" });
        st.formSubmitButton("go", { onClick: () => (seen = [st.sessionState.a, st.sessionState.s]) });
      });
    }).run();
    at.textInput[0].input("hi");
    at.slider[0].setValue(7);
    at.formSubmitButton[0].click();
    await at.run();
    expect(seen).toEqual(["hi", 7]);
  });

  it("R61/D5: when one event changes several widgets, callbacks fire in registration order", async () => {
    const order: string[] = [];
    const at = await AppTest.fromFunction((st) => {
      st.checkbox("first", { onChange: () => order.push("first") });
      st.checkbox("second", { onChange: () => order.push("second") });
    }).run();
    const [a, b] = [at.checkbox[0].node.widget!.id, at.checkbox[1].node.widget!.id];
    // Payload order is the reverse of registration order; registration order wins.
    await at.sendRaw({ values: { [b]: "on", [a]: "on" } });
    expect(order).toEqual(["first", "second"]);
  });

  it("R62/D17: elements emitted by a callback appear at the top of the main area", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("body");
      st.button("b", { onClick: () => st.markdown("from callback") });
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.markdown.values).toEqual(["from callback", "body"]);
    await at.run();
    expect(at.markdown.values).toEqual(["body"]);
  });

  it("R63/D3: st.rerun() in a callback is honoured with a full rerun after the callbacks", async () => {
    const body = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      body();
      st.button("b", { onClick: () => st.rerun() });
    }).run();
    body.mockClear();
    at.button[0].click();
    await at.run();
    expect(at.lastRun.runs).toBe(2);
    expect(body).toHaveBeenCalledTimes(1);
    expect(at.button[0].value).toBe(false);
  });

  it("R64/D6: st.stop() in a callback skips the body", async () => {
    const body = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      st.button("b", { onClick: () => { st.markdown("stopping"); st.stop(); } });
      body();
    }).run();
    body.mockClear();
    at.button[0].click();
    await at.run();
    expect(body).not.toHaveBeenCalled();
    expect(at.markdown.values).toEqual(["stopping"]);
    expect(at.lastRun.status).toBe("stopped");
  });

  it("R65/D18: an exception in a callback is shown at the top and the body still runs", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.n ??= 0;
      st.button("b", { onClick: () => { st.sessionState.n = 1; throw new Error("callback failed"); } });
      st.markdown(`n=${st.sessionState.n}`);
    }).run();
    at.button[0].click();
    await at.run();
    const main = at.lastRun.roots[0].children;
    expect(main[0].type).toBe("exception");
    expect(at.exception.values).toEqual(["callback failed"]);
    expect(at.markdown.values).toEqual(["n=1"]);
  });
});

describe("1.11 execution control", () => {
  it("R90: st.rerun() stops the run at once", async () => {
    const after = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.n = (st.sessionState.n ?? 0) + 1;
      if (st.sessionState.n === 1) {
        st.rerun();
      }
      after(st.sessionState.n);
    }).run();
    expect(after.mock.calls).toEqual([[2]]);
    expect(at.lastRun.runs).toBe(2);
  });

  it("R16: a control signal swallowed by a bare catch is thrown again at the next st call", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.n = (st.sessionState.n ?? 0) + 1;
      if (st.sessionState.n === 1) {
        try {
          st.rerun();
        } catch {
          // a careless catch
        }
      }
      st.markdown(`run ${st.sessionState.n}`);
    }).run();
    expect(at.lastRun.runs).toBe(2);
    expect(at.markdown.values).toEqual(["run 2"]);
  });

  it("R16: isControlSignal lets an app rethrow", async () => {
    const at = await AppTest.fromFunction((st) => {
      try {
        st.stop();
      } catch (e) {
        if (st.isControlSignal(e)) throw e;
      }
      st.markdown("not reached");
    }).run();
    expect(at.markdown.length).toBe(0);
    expect(at.lastRun.status).toBe("stopped");
  });

  it("R93: an unbounded rerun loop is stopped with a clear error and the session stays usable", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("looping");
      if (!st.sessionState.calm) st.rerun();
    }, { maxReruns: 5 }).run();
    expect(at.exception[0].props.name).toBe("RunawayScriptError");
    expect(String(at.exception[0].value)).toContain("st.rerun() was called 5 times");
    at.sessionState.calm = true;
    await at.run();
    expect(at.exception.length).toBe(0);
  });

  it("R94: st.stop() keeps what was drawn before it", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("before");
      st.stop();
    }).run();
    expect(at.markdown.values).toEqual(["before"]);
  });

  it("R95: an exception is drawn where it happened, earlier elements stay", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("before");
      throw new TypeError("bad thing");
    }).run();
    expect(at.lastRun.roots[0].children.map((n) => n.type)).toEqual(["markdown", "exception"]);
    expect(at.exception[0].props.name).toBe("TypeError");
    expect(at.lastRun.status).toBe("error");
  });

  it("R96: in production the exception message is redacted", async () => {
    const at = await AppTest.fromFunction(() => {
      throw new Error("secret connection string");
    }, { showErrorDetails: false }).run();
    expect(String(at.exception[0].value)).not.toContain("secret");
    expect(String(at.exception[0].value)).toContain("redacted");
  });

  it("async apps: awaits between calls work", async () => {
    const at = await AppTest.fromFunction(async (st) => {
      st.markdown("one");
      await new Promise((r) => setTimeout(r, 5));
      st.markdown("two");
    }).run();
    expect(at.markdown.values).toEqual(["one", "two"]);
  });

  it("R157: a run past the timeout rejects", async () => {
    const at = AppTest.fromFunction(async () => {
      await new Promise((r) => setTimeout(r, 300));
    });
    await expect(at.run({ timeout: 0.05 })).rejects.toThrow("AppTest script run timed out after 0.05(s)");
  });
});

describe("runaway scripts", () => {
  it("a run past its deadline is stopped at the next st call with a clear error; the session stays usable", async () => {
    const at = await AppTest.fromFunction(async (st) => {
      st.sessionState.slow ??= true;
      st.markdown("start");
      if (st.sessionState.slow) {
        await new Promise((r) => setTimeout(r, 60));
        st.markdown("too late");
      }
    }, { runDeadlineMs: 20 }).run();
    expect(at.exception[0].props.name).toBe("RunawayScriptError");
    expect(at.markdown.values).toEqual(["start"]);
    at.sessionState.slow = false;
    await at.run();
    expect(at.exception.length).toBe(0);
  });
});

describe("between runs", () => {
  it("an st call from work the script left running is refused with a clear error and draws nothing", async () => {
    let late: Promise<unknown> | undefined;
    const at = await AppTest.fromFunction((st) => {
      st.markdown("drawn");
      late ??= new Promise((resolve) => setTimeout(resolve, 5)).then(() => st.markdown("late"));
    }).run();
    await expect(late).rejects.toThrow(/after its run had ended/);
    expect(at.sessionState.missing).toBeUndefined(); // the harness still reads state between runs
    await at.run();
    expect(at.markdown.values).toEqual(["drawn"]);
    expect(at.exception.length).toBe(0);
  });

  it("a container kept from an earlier run still takes writes in a later run's callback", async () => {
    const at = await AppTest.fromFunction((st) => {
      const box = st.container();
      st.button("add", { onClick: (target: typeof box) => target.markdown("from the callback"), args: [box] });
    }).run();
    at.button[0].click();
    await expect(at.run()).resolves.toBeDefined();
    expect(at.exception.length).toBe(0);
  });
});

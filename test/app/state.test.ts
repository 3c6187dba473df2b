// SEMANTICS 1.3–1.6 and 1.9: identity, values, st.sessionState, setting widgets, clean-up.
import { describe, expect, it, vi } from "vitest";
import { AppTest } from "../../src/testing/app-test";
import { DuplicateElementId, DuplicateElementKey, StreamlitAPIException, ValueAssignmentNotAllowedError } from "../../src/api";

describe("1.3 widget identity", () => {
  it("R18: a keyless widget whose label changes is a new widget with its default", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.label ??= "A";
      st.textInput(st.sessionState.label);
    }).run();
    at.textInput[0].input("typed");
    await at.run();
    at.sessionState.label = "B";
    await at.run();
    expect(at.textInput[0].value).toBe("");
  });

  it("R18: disabled and labelVisibility are not part of identity", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.off ??= false;
      st.textInput("t", { disabled: st.sessionState.off, labelVisibility: st.sessionState.off ? "hidden" : "visible" });
    }).run();
    at.textInput[0].input("typed");
    await at.run();
    at.sessionState.off = true;
    await at.run();
    expect(at.textInput[0].value).toBe("typed");
  });

  it("R19: a keyed widget keeps its value when its label changes", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.label ??= "A";
      st.textInput(st.sessionState.label, { key: "t" });
    }).run();
    at.textInput[0].input("typed");
    await at.run();
    at.sessionState.label = "B";
    await at.run();
    expect(at.textInput[0].value).toBe("typed");
    expect(at.textInput[0].label).toBe("B");
  });

  it("R21: key 1 and key '1' are the same key", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.textInput("t", { key: 1 });
      st.markdown(String(st.sessionState["1"]));
    }).run();
    expect(at.markdown.values).toEqual([""]);
    const failing = await AppTest.fromFunction((st) => {
      st.textInput("a", { key: 1 });
      st.textInput("b", { key: "1" });
    }).run();
    expect(failing.exception[0].props.name).toBe("StreamlitDuplicateElementKey");
  });

  it("R22: keys beginning with $$ID are reserved", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState["$$ID-x"] = 1;
    }).run();
    expect(at.exception[0].value).toBe("Keys beginning with $$ID are reserved.");
  });

  it("R23: two keyless widgets with the same identity raise, naming both call sites", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.button("Go");
      st.button("Go");
    }).run();
    const error = at.exception[0];
    expect(error.props.name).toBe(new DuplicateElementId("").name);
    expect(String(error.value)).toContain("There are multiple `button` elements with the same auto-generated ID.");
    expect(String(error.value)).toMatch(/First created at .*position 0\.0.*again at .*position 0\.1/);
    expect(at.button.length).toBe(1);
  });

  it("R24: two elements with the same key raise", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.checkbox("a", { key: "k" });
      st.textInput("b", { key: "k" });
    }).run();
    expect(at.exception[0].props.name).toBe(new DuplicateElementKey("").name);
    expect(String(at.exception[0].value)).toContain("There are multiple elements with the same `key='k'`.");
  });
});

describe("1.4 widget values", () => {
  it("R28: the returned value is a copy: mutating it leaves state alone", async () => {
    const at = await AppTest.fromFunction((st) => {
      const picked = st.multiselect("m", ["a", "b"], { default: ["a"], key: "m" });
      picked.push("mutated");
    }).run();
    await at.run();
    expect(at.sessionState.m).toEqual(["a"]);
  });

  it("R29/R46: a value assigned before the widget wins over the client's value in that run", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (st.button("reset")) st.sessionState.t = "reset";
      st.textInput("t", { key: "t" });
    }).run();
    at.textInput[0].input("typed");
    await at.run();
    at.button[0].click();
    await at.run();
    expect(at.textInput[0].value).toBe("reset");
  });

  it("R32: a keyed widget is in session state from its first run; a keyless one never", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.slider("keyed", { key: "s", value: 30 });
      st.slider("keyless");
    }).run();
    expect(Object.keys(at.sessionState)).toEqual(["s"]);
    expect(at.sessionState.s).toBe(30);
  });

  it("R34: a disabled widget ignores client values", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.textInput("t", { disabled: true, value: "fixed" });
    }).run();
    await at.sendRaw({ values: { [at.textInput[0].node.widget!.id]: "forged" } });
    expect(at.textInput[0].value).toBe("fixed");
  });
});

describe("1.5 the session-state API", () => {
  it("R37: item and property syntax, in, delete, iteration, get", async () => {
    let snapshot: unknown;
    await AppTest.fromFunction((st) => {
      const ss = st.sessionState;
      ss.a = 1;
      ss["b"] = 2;
      delete ss.a;
      snapshot = {
        hasA: "a" in ss,
        hasB: "b" in ss,
        keys: Object.keys(ss),
        entries: [...ss],
        get: ss.get("missing", "fallback"),
        dict: ss.toDict(),
      };
    }).run();
    expect(snapshot).toEqual({
      hasA: false,
      hasB: true,
      keys: ["b"],
      entries: [["b", 2]],
      get: "fallback",
      dict: { b: 2 },
    });
  });

  it("D19: reading a missing key gives undefined and deleting it is a no-op", async () => {
    let read: unknown = "unset";
    const at = await AppTest.fromFunction((st) => {
      read = st.sessionState.nothing;
      delete st.sessionState.nothing;
    }).run();
    expect(read).toBeUndefined();
    expect(at.exception.length).toBe(0);
  });

  it("R38: keyless widgets are invisible to iteration", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.user = 1;
      st.checkbox("no key");
      st.checkbox("keyed", { key: "c" });
    }).run();
    expect(Object.keys(at.sessionState).sort()).toEqual(["c", "user"]);
  });

  it("R40: an assignment is visible in the same run and in later runs", async () => {
    const seen: unknown[] = [];
    const at = await AppTest.fromFunction((st) => {
      if (!("x" in st.sessionState)) st.sessionState.x = "set";
      seen.push(st.sessionState.x);
    }).run();
    await at.run();
    expect(seen).toEqual(["set", "set"]);
  });

  it("R41/R42/D1: deleting a keyed widget's key resets it, display included", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (st.button("clear")) delete st.sessionState.t;
      st.textInput("t", { key: "t" });
    }).run();
    at.textInput[0].input("typed");
    await at.run();
    at.button[0].click();
    await at.run();
    expect(at.textInput[0].value).toBe("");
    expect(at.textInput[0].node.widget!.raw).toBe("");
  });

  it("R44: st.write(st.sessionState) shows its visible contents as JSON", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.answer = 42;
      st.write(st.sessionState);
    }).run();
    expect(at.json.length).toBe(1);
    expect(JSON.stringify(at.json[0].props)).toContain("answer");
  });
});

describe("1.6 setting widget values through session state", () => {
  it("R46: a value assigned before the widget's first appearance shows (D1)", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.show ??= false;
      if (st.button("show")) {
        st.sessionState.show = true;
        st.sessionState.name = "preset";
      }
      if (st.sessionState.show) st.textInput("name", { key: "name" });
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.textInput[0].value).toBe("preset");
    expect(at.textInput[0].node.widget!.raw).toBe("preset");
  });

  it("R47: assigning a widget key after the widget raises", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.textInput("t", { key: "t" });
      st.sessionState.t = "late";
    }).run();
    expect(at.exception[0].props.name).toBe(new StreamlitAPIException("").name);
    expect(String(at.exception[0].value)).toContain(
      "`st.sessionState.t` cannot be modified after the widget with key `t` is instantiated.",
    );
    expect(at.sessionState.t).toBe("");
  });

  it("R48: a button's key cannot be set through session state", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.b = true;
      st.button("b", { key: "b" });
    }).run();
    expect(at.exception[0].props.name).toBe(new ValueAssignmentNotAllowedError("").name);
    expect(at.exception[0].value).toBe("Values for the widget with `key` 'b' cannot be set using `st.sessionState`.");
  });

  it("R49/D14: a default plus a session-state assignment logs a warning on the server", async () => {
    const warn = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.s = 5;
      st.slider("s", { key: "s", value: 10 });
    }, { warn }).run();
    expect(at.slider[0].value).toBe(5);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('The widget with key "s" was created with a default value'));
  });
});

describe("1.9 widget clean-up", () => {
  it("R67/R68: a keyed widget not drawn in a completed run loses its state and comes back fresh", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.show ??= true;
      if (st.sessionState.show) st.textInput("t", { key: "t" });
    }).run();
    at.textInput[0].input("typed");
    await at.run();
    at.sessionState.show = false;
    await at.run();
    expect("t" in at.sessionState).toBe(false);
    at.sessionState.show = true;
    await at.run();
    expect(at.textInput[0].value).toBe("");
  });

  it("R69: re-assigning ss[k] = ss[k] every run keeps a hidden widget's value", async () => {
    const at = await AppTest.fromFunction((st) => {
      if ("t" in st.sessionState) st.sessionState.t = st.sessionState.t;
      st.sessionState.show ??= true;
      if (st.sessionState.show) st.textInput("t", { key: "t" });
    }).run();
    at.textInput[0].input("kept");
    await at.run();
    at.sessionState.show = false;
    await at.run();
    await at.run();
    at.sessionState.show = true;
    await at.run();
    expect(at.textInput[0].value).toBe("kept");
  });

  it("R69: plain user keys are never cleaned up", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.plain ??= "stays";
    }).run();
    await at.run();
    expect(at.sessionState.plain).toBe("stays");
  });

  it("D4: persistState keeps a keyed widget's value while it is hidden", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.show ??= true;
      if (st.sessionState.show) st.textInput("t", { key: "t", persistState: "session" });
    }).run();
    at.textInput[0].input("kept");
    await at.run();
    at.sessionState.show = false;
    await at.run();
    at.sessionState.show = true;
    await at.run();
    expect(at.textInput[0].value).toBe("kept");
  });
});

describe("persistence", () => {
  it("a value that is not structured-clonable raises an error naming the key and is not kept", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.fn = () => 1;
      st.sessionState.ok = 1;
    }).run();
    expect(at.exception[0].props.name).toBe("UnserializableSessionStateError");
    expect(String(at.exception[0].value)).toContain("`st.sessionState.fn`");
    expect("fn" in at.sessionState).toBe(false);
    expect(at.sessionState.ok).toBe(1);
  });
});

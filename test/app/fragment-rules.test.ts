// SEMANTICS 1.13 (fragments): errors, D7's outside writes, clean-up, rerun scope and limitations.
import { describe, expect, it } from "vitest";
import { AppTest } from "../../src/testing/app-test";

describe("R123: exceptions in fragments", () => {
  it("R123: in a full run the exception shows inside the fragment and stops the script", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.fragment(() => {
        st.markdown("before");
        throw new Error("boom");
      })();
      st.markdown("never drawn");
    }).run();
    expect(at.lastRun.status).toBe("error");
    expect(at.fragment[0].exception[0].value).toBe("boom");
    expect(at.markdown.values).toEqual(["before"]);
  });

  it("R123: in a fragment run the exception shows inside the fragment and the rest of the app stays", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("outside");
      st.fragment(() => {
        if (st.button("Fail")) throw new Error("inside");
        st.markdown("fine");
      })();
      st.markdown("after");
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.lastRun.fragment).toBeDefined();
    expect(at.lastRun.status).toBe("error");
    expect(at.fragment[0].exception[0].value).toBe("inside");
    expect(at.markdown.values).toEqual(["outside", "after"]);
  });

  it("R123/D18: an exception in a fragment widget's callback shows at the top of the fragment", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("outside");
      st.fragment(() => {
        st.markdown("fragment body");
        st.button("Break", { onClick: () => { throw new Error("callback failed"); } });
      })();
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.fragment[0].block.children.map((n) => n.type)).toEqual(["exception", "markdown", "button"]);
    expect(at.main.block.children[0].type).toBe("markdown");
  });
});

describe("R124 (D7, legacy): writes outside the fragment", () => {
  it("R124: a widget written to a container outside the fragment raises", async () => {
    const at = await AppTest.fromFunction((st) => {
      const outside = st.container();
      st.fragment(() => outside.button("Out of place"))();
    }).run();
    expect(at.exception[0].value).toBe("Fragments cannot write widgets to outside containers.");
    expect(at.exception[0].props.name).toBe("StreamlitFragmentWidgetsNotAllowedOutsideError");
    expect(at.button).toHaveLength(0);
  });

  it("R124: writing to st.sidebar directly from a fragment raises; calling it inside the sidebar works", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.fragment(() => st.sidebar.markdown("straight in"))();
    }).run();
    expect(at.exception[0].value).toBe(
      "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To write elements to the " +
        "sidebar with a fragment, call your fragment function inside a `with st.sidebar` context manager.",
    );
    const inside = await AppTest.fromFunction((st) => {
      st.sidebar.with(() => st.fragment(() => st.markdown("in the sidebar"))());
    }).run();
    expect(inside.sidebar.markdown.values).toEqual(["in the sidebar"]);
  });

  it("R124: elements written outside accumulate over fragment runs until the next full run", async () => {
    const at = await AppTest.fromFunction((st) => {
      const log = st.container();
      st.fragment(() => {
        st.button("Log");
        log.markdown("logged");
      })();
    }).run();
    at.button[0].click();
    await at.run();
    at.button[0].click();
    await at.run();
    expect(at.container[0].markdown.values).toEqual(["logged", "logged", "logged"]);
    await at.run();
    expect(at.container[0].markdown.values).toEqual(["logged"]);
  });
});

describe("R126: clean-up in fragment runs", () => {
  it("R126/R71: a fragment run drops only its own widgets that were not drawn", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (!st.sessionState.hideOutside) st.textInput("Outside", { key: "outside" });
      st.fragment(() => {
        const show = st.checkbox("Show inner", { key: "show", value: true });
        if (show) st.textInput("Inner", { key: "inner" });
      })();
    }).run();
    at.textInput[0].input("kept");
    at.textInput[1].input("dropped");
    await at.run();
    at.sessionState.hideOutside = true; // takes effect in the next full run only
    at.checkbox[0].uncheck();
    await at.run();
    expect(at.lastRun.fragment).toBeDefined();
    expect(at.sessionState.inner).toBeUndefined();
    expect(at.sessionState.outside).toBe("kept"); // not drawn by the fragment run, yet kept
  });
});

describe("R91: st.rerun({ scope: \"fragment\" })", () => {
  it("R91: during a fragment run it reruns only the fragment", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.full = (st.sessionState.full ?? 0) + 1;
      st.fragment(() => {
        st.sessionState.frag = (st.sessionState.frag ?? 0) + 1;
        if (st.button("Again") && st.sessionState.frag < 4) st.rerun({ scope: "fragment" });
      })();
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.lastRun.runs).toBe(2);
    expect(at.lastRun.fragment).toBeDefined();
    expect(at.sessionState.frag).toBe(3);
    expect(at.sessionState.full).toBe(1);
  });

  it("R91: in a full run, or outside a fragment, it raises the exact error", async () => {
    const message = 'scope="fragment" can only be specified from `@st.fragment`-decorated functions during fragment reruns.';
    const inFullRun = await AppTest.fromFunction((st) => {
      st.fragment(() => st.rerun({ scope: "fragment" }))();
    }).run();
    expect(inFullRun.exception[0].value).toBe(message);
    const outside = await AppTest.fromFunction((st) => {
      st.rerun({ scope: "fragment" });
    }).run();
    expect(outside.exception[0].value).toBe(message);
    const invalid = await AppTest.fromFunction((st) => {
      st.rerun({ scope: "page" as "app" });
    }).run();
    expect(invalid.exception[0].value).toBe("'page' is not a valid rerun scope. Valid scopes are 'app' and 'fragment'.");
  });
});

describe("R128: limitations", () => {
  it("R128: a fragment cannot see its arguments change: fragment runs reuse the last full run's", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.version ??= 1;
      st.fragment((version: number) => {
        if (st.button("Bump")) st.sessionState.version += 1;
        st.markdown(`argument ${version}, state ${st.sessionState.version}`);
      })(st.sessionState.version);
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.markdown.values).toEqual(["argument 1, state 2"]);
  });
});

// Rules of SEMANTICS §1.1–1.10 not covered elsewhere.
import { describe, expect, it } from "vitest";
import { AppSession, defineApp } from "../../src/runtime/session";
import type { ElementNode } from "../../src/elements/types";
import { AppTest } from "../../src/testing/app-test";

describe("more rules", () => {
  it("R3: the first run happens on load, with no payload", async () => {
    const clicked: boolean[] = [];
    const at = await AppTest.fromFunction((st) => {
      clicked.push(st.button("b"));
    }).run();
    expect(clicked).toEqual([false]);
    expect(at.lastRun.runs).toBe(1);
  });

  it("R7/D15: setPageConfig may be called anywhere, several times; the last value wins", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.markdown("first");
      st.setPageConfig({ pageTitle: "One", layout: "wide" });
      st.setPageConfig({ pageTitle: "Two" });
    }).run();
    expect(at.lastRun.pageConfig).toEqual({ pageTitle: "Two", layout: "wide" });
    expect(at.exception.length).toBe(0);
  });

  it("R20: the page is part of identity", async () => {
    const app = defineApp((st) => {
      st.checkbox("same");
    });
    const idOn = async (page: string) => {
      const out = await new AppSession(app, undefined, { page }).load();
      return (out.roots[0].children[0] as ElementNode).widget!.id;
    };
    expect(await idOn("/a")).not.toBe(await idOn("/b"));
    expect(await idOn("/a")).toBe(await idOn("/a"));
  });

  it("R33: widgets return plain values, not widget objects", async () => {
    const values: unknown[] = [];
    await AppTest.fromFunction((st) => {
      values.push(st.checkbox("c"), st.slider("s"), st.textInput("t"), st.multiselect("m", ["a"]));
    }).run();
    expect(values).toEqual([false, 0, "", []]);
  });

  it("R70: clean-up keeps the key→widget association, so a later write reaches the hidden widget", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.show ??= true;
      if (st.sessionState.show) st.textInput("t", { key: "t" });
    }).run();
    at.sessionState.show = false;
    await at.run();
    at.sessionState.t = "written while hidden";
    at.sessionState.show = true;
    await at.run();
    expect(at.textInput[0].value).toBe("written while hidden");
  });

  it("R84/D15: a form without a submit button shows no warning and never submits", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.form("f", {}, () => {
        st.textInput("t");
      });
    }).run();
    expect(at.warning.length + at.exception.length).toBe(0);
    at.textInput[0].input("pending");
    await at.run();
    expect(at.textInput[0].node.widget!.value).toBe("");
  });

  it("R85: two submit buttons with the same label in one form collide", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.form("f", {}, () => {
        st.formSubmitButton("Go");
        st.formSubmitButton("Go");
      });
    }).run();
    expect(at.exception[0].props.name).toBe("StreamlitDuplicateElementId");
  });

  it("R87: form widgets are cleaned up like any widget", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.show ??= true;
      st.form("f", {}, () => {
        if (st.sessionState.show) st.textInput("t", { key: "t" });
        st.formSubmitButton("Submit");
      });
    }).run();
    at.textInput[0].input("sent");
    at.formSubmitButton[0].click();
    await at.run();
    expect(at.sessionState.t).toBe("sent");
    at.sessionState.show = false;
    await at.run();
    expect("t" in at.sessionState).toBe(false);
  });

  it("R27: registering again replaces the callback: the newest args are used", async () => {
    const got: unknown[] = [];
    const at = await AppTest.fromFunction((st) => {
      st.sessionState.n = (st.sessionState.n ?? 0) + 1;
      st.button("b", { onClick: (n: number) => got.push(n), args: [st.sessionState.n] });
    }).run();
    await at.run();
    await at.run();
    at.button[0].click();
    await at.run();
    expect(got).toEqual([3]);
  });
});

// SEMANTICS 1.10: forms batch their widgets until the submit button.
import { describe, expect, it, vi } from "vitest";
import { AppTest } from "../../src/testing/app-test";

describe("1.10 forms", () => {
  it("R75/R76: nothing runs while editing; the submit run sees every value and the clicked button is true", async () => {
    const runs = vi.fn();
    const at = await AppTest.fromFunction((st) => {
      runs();
      st.form("f", {}, () => {
        const name = st.textInput("name");
        const a = st.formSubmitButton("A");
        const b = st.formSubmitButton("B");
        st.markdown(`${name}|${a}|${b}`);
      });
    }).run();
    runs.mockClear();
    at.textInput[0].input("Ada");
    expect(runs).not.toHaveBeenCalled();
    at.formSubmitButton[1].click();
    await at.run();
    expect(runs).toHaveBeenCalledTimes(1);
    expect(at.markdown.values).toEqual(["Ada|false|true"]);
  });

  it("R77: a widget outside the form does not send the form's pending edits", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.form("f", {}, () => {
        st.textInput("inside", { key: "inside" });
        st.formSubmitButton("Submit");
      });
      st.checkbox("outside");
    }).run();
    at.textInput[0].input("pending");
    at.checkbox[0].check();
    await at.run();
    expect(at.sessionState.inside).toBe("");
    expect(at.textInput[0].value).toBe("pending");
    at.formSubmitButton[0].click();
    await at.run();
    expect(at.sessionState.inside).toBe("pending");
  });

  it("R78/D1: clearOnSubmit resets the widgets on the server after the submit run", async () => {
    const seen: unknown[] = [];
    const at = await AppTest.fromFunction((st) => {
      st.form("f", { clearOnSubmit: true }, () => {
        seen.push(st.textInput("t", { key: "t" }));
        st.formSubmitButton("Submit");
      });
    }).run();
    at.textInput[0].input("sent");
    at.formSubmitButton[0].click();
    await at.run();
    expect(seen.at(-1)).toBe("sent");
    expect(at.textInput[0].node.widget!.raw).toBe("");
    await at.run();
    expect(seen.at(-1)).toBe("");
    expect(at.sessionState.t).toBe("");
  });

  it("R79: formSubmitButton outside a form raises", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.formSubmitButton("Submit");
    }).run();
    expect(String(at.exception[0].value)).toContain("`st.formSubmitButton()` must be used inside an `st.form()`.");
  });

  it("R80: st.button inside a form raises", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.form("f", {}, () => {
        st.button("nope");
      });
    }).run();
    expect(String(at.exception[0].value)).toContain("`st.button()` can't be used in an `st.form()`.");
  });

  it("R81: nested forms raise", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.form("outer", {}, () => {
        st.form("inner", {}, () => {});
      });
    }).run();
    expect(at.exception[0].value).toBe("Forms cannot be nested in other forms.");
  });

  it("R82: two forms with the same key raise", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.form("same", {}, () => {});
      st.form("same", {}, () => {});
    }).run();
    expect(String(at.exception[0].value)).toContain("There are multiple identical forms with `key='same'`.");
  });

  it("R86: writing a form widget's key before the form updates its displayed value", async () => {
    const at = await AppTest.fromFunction((st) => {
      if (st.button("preset")) st.sessionState.t = "from state";
      st.form("f", {}, () => {
        st.textInput("t", { key: "t" });
        st.formSubmitButton("Submit");
      });
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.textInput[0].value).toBe("from state");
  });

  it("R89: a callback on a non-submit widget inside a form raises", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.form("f", {}, () => {
        st.checkbox("c", { onChange: () => {} });
      });
    }).run();
    expect(at.exception[0].props.name).toBe("StreamlitInvalidFormCallbackError");
    expect(String(at.exception[0].value)).toContain("Within a form, callbacks can only be defined on");
  });

  it("R66: the submit button's callback sees the submitted values", async () => {
    let seen: unknown;
    const at = await AppTest.fromFunction((st) => {
      st.form("f", {}, () => {
        st.numberInput("n", { key: "n" });
        st.formSubmitButton("Submit", { onClick: () => (seen = st.sessionState.n) });
      });
    }).run();
    at.numberInput[0].setValue(3);
    at.formSubmitButton[0].click();
    await at.run();
    expect(seen).toBe(3);
  });
});

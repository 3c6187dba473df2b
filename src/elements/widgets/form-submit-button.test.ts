import { describe, expect, it } from "vitest";
import { errorsOf, formCtx, HOSTILE, isInert, mount, widgetNodes } from "./test-support";

describe("formSubmitButton through the engine", () => {
  it("R76/R52: true only in the run its submit caused, with the form's values applied", async () => {
    const seen: unknown[] = [];
    const app = await mount((st) =>
      st.form("f", () => {
        const name = st.textInput("Name");
        if (st.formSubmitButton("Save")) seen.push(name);
      }),
    );
    const [input, button] = widgetNodes(app.out).map((n) => n.widget!.id);
    await app.session.handle({ values: { [input]: "Ada" }, trigger: button, form: widgetNodes(app.out)[1].widget!.formId });
    await app.rerun();
    expect(seen).toEqual(["Ada"]);
  });

  it("R79: outside a form it raises", async () => {
    const app = await mount((st) => st.formSubmitButton());
    expect(errorsOf(app.out)[0].message).toMatch(/^`st.formSubmitButton\(\)` must be used inside an `st.form\(\)`/);
  });

  it("R89: it may have a callback, which fires once per submit", async () => {
    let clicks = 0;
    const app = await mount((st) => st.form("f", () => st.formSubmitButton("Go", { onClick: () => void clicks++ })));
    await app.session.handle({ values: {}, trigger: app.id() });
    await app.session.handle({ values: {}, trigger: app.id() });
    expect(clicks).toBe(2);
  });

  it("R48: its key cannot be set through session state", async () => {
    const app = await mount((st) => {
      st.sessionState.go = true;
      st.form("f", () => st.formSubmitButton("Go", { key: "go" }));
    });
    expect(errorsOf(app.out)[0].name).toBe("StreamlitValueAssignmentNotAllowedError");
  });

  it("R85: two submit buttons with one label in one form collide; in two forms they do not", async () => {
    const same = await mount((st) => st.form("f", () => [st.formSubmitButton("Go"), st.formSubmitButton("Go")]));
    expect(errorsOf(same.out)[0].name).toBe("StreamlitDuplicateElementId");
    const two = await mount((st) => [st.form("a", () => st.formSubmitButton("Go")), st.form("b", () => st.formSubmitButton("Go"))]);
    expect(errorsOf(two.out)).toEqual([]);
  });
});

describe("formSubmitButton render", () => {
  it('is a native submit button posting _t=<id>, with no form of its own; "Submit" by default', async () => {
    const app = await mount((st) => st.form("f", () => st.formSubmitButton(undefined, { help: "Sends it", type: "primary" })));
    const id = app.id();
    const out = app.render(0, formCtx);
    expect(out).toBe(
      `<button type="submit" id="${id}-control" name="_t" value="${id}" class="el-button el-button-primary el-form-submit" aria-describedby="${id}-help">Submit</button>` +
        `<small class="el-help" id="${id}-help">Sends it</small>`,
    );
  });

  it("escapes hostile labels, icons and help", async () => {
    for (const bad of HOSTILE) {
      const app = await mount((st) => st.form("f", () => st.formSubmitButton(bad, { help: bad, icon: bad, disabled: true })));
      const out = app.render(0, formCtx);
      expect(isInert(out)).toBe(true);
      expect(out).toContain(" disabled");
    }
  });
});

// SEMANTICS 1.14 (dialogs): a modal fragment, closed by a full rerun that does not call it again.
import { describe, expect, it, vi } from "vitest";
import type { BlockNode, ElementNode, TreeNode } from "../../src/elements/types";
import { AppSession, defineApp, type AppFunction } from "../../src/runtime/session";
import { AppTest } from "../../src/testing/app-test";

/** The usual shape: a button opens the dialog; "Save" stores the draft and reruns the app. */
function editor(options: Parameters<Parameters<AppFunction>[0]["dialog"]>[2] = {}): AppFunction {
  return (st) => {
    st.sessionState.full = (st.sessionState.full ?? 0) + 1;
    const edit = st.dialog(
      "Edit the name",
      (current: string) => {
        st.sessionState.dialogRuns = (st.sessionState.dialogRuns ?? 0) + 1;
        const draft = st.textInput("Name", { value: current, key: "draft" });
        st.markdown(`draft: ${draft}`);
        if (st.button("Save")) {
          st.sessionState.name = draft;
          st.rerun();
        }
      },
      options,
    );
    st.markdown(`name: ${st.sessionState.name ?? "nobody"}`);
    if (st.button("Edit")) edit(st.sessionState.name ?? "");
  };
}

describe("R129: opening a dialog", () => {
  it("R129: calling it opens a dialog block, drawn at the end of the main area, whose widgets cause fragment runs", async () => {
    const at = await AppTest.fromFunction(editor()).run();
    expect(at.dialog).toHaveLength(0);
    at.button[0].click();
    await at.run();
    expect(at.dialog).toHaveLength(1);
    expect(at.dialog[0].props).toMatchObject({ title: "Edit the name", width: "small", dismissible: true });
    expect(at.main.block.children.at(-1)!.type).toBe("dialog");
    at.dialog[0].textInput[0].input("Ada");
    await at.run();
    expect(at.lastRun.fragment).toBe(at.dialog[0].props.id);
    expect(at.sessionState.full).toBe(2);
    expect(at.dialog[0].markdown.values).toEqual(["draft: Ada"]);
  });

  it("R129: an empty title raises the exact error", async () => {
    const at = await AppTest.fromFunction((st) => {
      st.dialog("", () => undefined);
    }).run();
    expect(at.exception[0].value).toBe('A non-empty `title` argument has to be provided for dialogs, for example `@st.dialog("Example Title")`.');
  });

  it("R129: opened inside a column or a form, it is still drawn in the main area, outside them", async () => {
    const at = await AppTest.fromFunction((st) => {
      const ask = st.dialog("Sure?", () => st.markdown("asked"));
      st.form("f", () => {
        if (st.formSubmitButton("Send")) ask();
      });
    }).run();
    at.formSubmitButton[0].click();
    await at.run();
    expect(at.form[0].dialog).toHaveLength(0);
    expect(at.main.block.children.map((n) => n.type)).toEqual(["form", "dialog"]);
    expect(at.dialog[0].markdown.values).toEqual(["asked"]);
  });
});

describe("R130: staying open and closing", () => {
  it("R130: stays open while its fragment reruns, and a full rerun that does not call it closes it", async () => {
    const at = await AppTest.fromFunction(editor()).run();
    at.button[0].click();
    await at.run();
    at.dialog[0].textInput[0].input("Grace");
    await at.run();
    expect(at.dialog).toHaveLength(1);
    at.dialog[0].button[0].click(); // Save: st.rerun() from inside the dialog
    await at.run();
    expect(at.lastRun.fragment).toBeUndefined();
    expect(at.dialog).toHaveLength(0);
    expect(at.markdown.values).toEqual(["name: Grace"]);
  });

  it("R130: any full run that does not call it again closes it", async () => {
    const at = await AppTest.fromFunction(editor()).run();
    at.button[0].click();
    await at.run();
    await at.run();
    expect(at.dialog).toHaveLength(0);
  });

  it("R130: closing it by hand sends nothing by default", async () => {
    const at = await AppTest.fromFunction(editor()).run();
    at.button[0].click();
    await at.run();
    const full = at.sessionState.full;
    expect(at.dialog[0].props.dismiss).toBeUndefined();
    at.dismiss(at.dialog[0]);
    await at.run(); // no action was queued: a plain rerun, as a reload would be
    expect(at.sessionState.full).toBe(full + 1);
  });

  it("R130: onDismiss \"rerun\" makes closing it a full rerun; a callback runs first", async () => {
    const onDismiss = vi.fn();
    for (const option of ["rerun", onDismiss] as const) {
      const at = await AppTest.fromFunction(editor({ onDismiss: option })).run();
      at.button[0].click();
      await at.run();
      expect(typeof at.dialog[0].props.dismiss).toBe("string");
      at.dismiss(at.dialog[0]);
      await at.run();
      expect(at.lastRun.fragment).toBeUndefined();
      expect(at.dialog).toHaveLength(0);
      expect(at.sessionState.full).toBe(3);
    }
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it("R130: dismissible: false is passed to the renderer (no close button, no Escape)", async () => {
    const at = await AppTest.fromFunction(editor({ dismissible: false, width: "large" })).run();
    at.button[0].click();
    await at.run();
    expect(at.dialog[0].props).toMatchObject({ dismissible: false, width: "large" });
  });

  it("R130: a dialog opened again in a later run is marked as reopened; its own fragment runs are not", async () => {
    const at = await AppTest.fromFunction((st) => {
      const d = st.dialog("Info", () => st.button("Inside"));
      if (st.button("Open") || st.sessionState.keepOpen) d();
    }).run();
    at.button[0].click();
    await at.run();
    const opened = at.dialog[0].props.opened;
    at.dialog[0].button[0].click();
    await at.run();
    expect(at.dialog[0].props.opened).toBe(opened);
    at.button[0].click();
    await at.run();
    expect(at.dialog[0].props.opened).not.toBe(opened);
  });
});

describe("R131: one dialog at a time", () => {
  it("R131: opening a second dialog in one run raises the exact error", async () => {
    const at = await AppTest.fromFunction((st) => {
      const a = st.dialog("A", () => st.markdown("a"));
      const b = st.dialog("B", () => st.markdown("b"));
      a();
      b();
    }).run();
    expect(at.exception[0].value).toBe(
      "Only one dialog is allowed to be opened at the same time. Please make sure to not call a dialog-decorated function more than once in a script run.",
    );
    expect(at.dialog).toHaveLength(1);
  });

  it("R131: a dialog inside a dialog raises the exact error", async () => {
    const at = await AppTest.fromFunction((st) => {
      const inner = st.dialog("Inner", () => st.markdown("inner"));
      st.dialog("Outer", () => inner())();
    }).run();
    expect(at.exception[0].value).toBe("Dialogs may not be nested inside other dialogs.");
  });

  it("R131: a dialog opened by a fragment's widget belongs to that fragment's runs", async () => {
    const at = await AppTest.fromFunction((st) => {
      const d = st.dialog("From a fragment", () => st.markdown("hello"));
      st.fragment(() => {
        if (st.button("Open")) d();
        st.button("Other");
      })();
    }).run();
    at.button[0].click();
    await at.run();
    expect(at.lastRun.fragment).toBeDefined();
    expect(at.dialog).toHaveLength(1);
    at.button[1].click(); // the fragment reruns without opening it: it goes
    await at.run();
    expect(at.dialog).toHaveLength(0);
  });
});

describe("dialogs after eviction (DESIGN §3)", () => {
  const all = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => (n ? (n.kind === "block" ? [n, ...all(n.children)] : [n]) : []));
  const widget = (roots: BlockNode[], type: string, label: string) =>
    all(roots).find((n): n is ElementNode => n.kind === "element" && n.type === type && n.props.label === label)!.widget!.id;

  it("R129: a dialog opened by a button still reruns alone, once, after an eviction", async () => {
    const app = defineApp(editor());
    const first = new AppSession(app);
    let out = await first.load();
    out = await first.handle({ values: {}, trigger: widget(out.roots, "button", "Edit") });
    const draft = widget(out.roots, "textInput", "Name");
    await first.handle({ values: { [draft]: "Ada" } });
    const second = new AppSession(app, structuredClone(first.snapshot()));
    out = await second.handle({ values: { [draft]: "Grace" } });
    expect(out.fragment).toBeDefined();
    expect(second.peekState("full")).toBe(2);
    expect(second.peekState("dialogRuns")).toBe(3); // opened, Ada, Grace: the replays changed nothing
    const dialog = out.roots[0].children.find((n) => n?.type === "dialog") as BlockNode;
    expect(all(dialog.children).map((n) => n.props.body).filter(Boolean)).toEqual(["draft: Grace"]);
  });
});

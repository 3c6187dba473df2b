import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { renderRoot } from "../../render/tree";
import type { Dg } from "../../runtime/dg";
import { AppSession, defineApp, type AppFunction } from "../../runtime/session";
import type { BlockNode, ElementNode, TreeNode } from "../types";

const ctx = { action: "/x?_s=t", hiddenFields: html`<input type="hidden" name="_csrf" value="c">`, showErrorDetails: true };
const load = (main: AppFunction) => new AppSession(defineApp(main)).load();

/** A minimal widget, registered through the real Dg.widget, that reports the form it joined. */
const probe = (dg: Dg, label: string) =>
  dg.widget({ type: "probe", label, props: { label }, codec: { parse: (raw) => raw, format: (v) => v }, identity: [label], default: "" });

function widgets(node: TreeNode): Record<string, string | undefined> {
  if (node.kind === "element") return node.widget ? { [String(node.props.label)]: node.widget.formId } : {};
  return Object.assign({}, ...node.children.map(widgets));
}
const messageOf = (node: TreeNode) => (node as ElementNode).props.message;

describe("st.form", () => {
  it("R73/R74: widgets written in the body belong to the form, including through containers made inside it", async () => {
    const out = await load((st) => {
      let inner!: Dg;
      st.form("f", () => {
        probe(st, "direct");
        inner = st.container();
        const [col] = st.columns(2);
        probe(col, "in column");
        probe(st.empty(), "in placeholder");
      });
      probe(inner, "after the body");
      probe(st, "outside");
    });
    const form = out.roots[0].children[0] as BlockNode;
    expect(form.formId).toMatch(/^f[0-9a-z]+$/);
    expect(widgets(out.roots[0])).toEqual({
      direct: form.formId,
      "in column": form.formId,
      "in placeholder": form.formId,
      "after the body": form.formId,
      outside: undefined,
    });
  });

  it("R74: a container created outside the form stays outside even when written in its body", async () => {
    const out = await load((st) => {
      const outside = st.container();
      const ph = st.empty();
      st.form("f", () => {
        probe(outside, "via outside container");
        outside.with(() => probe(st, "via with"));
        probe(ph.container(), "via outside placeholder");
        outside.button("allowed: not in a form");
      });
    });
    expect(widgets(out.roots[0])).toEqual({
      "via outside container": undefined,
      "via with": undefined,
      "via outside placeholder": undefined,
      "allowed: not in a form": undefined,
    });
    expect(out.status).toBe("complete");
  });

  it("R80/R74: st.button in a column of a form raises, because the column belongs to the form", async () => {
    const out = await load((st) => {
      st.form("f", () => st.columns(1)[0].button("no"));
    });
    expect(out.status).toBe("error");
    expect(JSON.stringify(out.roots[0])).toContain("can't be used in an `st.form()`.");
  });

  it("R81: a form inside a form raises, directly or through a container made inside it", async () => {
    const direct = await load((st) => {
      st.form("outer", () => st.form("inner"));
    });
    const viaContainer = await load((st) => {
      const c = st.form("outer").container();
      c.form("inner");
    });
    for (const out of [direct, viaContainer]) {
      expect(JSON.stringify(out.roots[0])).toContain('"message":"Forms cannot be nested in other forms."');
    }
  });

  it("R74/R81: a form in a container created outside a form's body is not nested", async () => {
    const out = await load((st) => {
      const c = st.container();
      st.form("a", () => c.form("b", () => probe(st, "in b")));
    });
    expect(out.status).toBe("complete");
    const b = (out.roots[0].children[0] as BlockNode).children[0] as BlockNode;
    expect(widgets(out.roots[0])).toEqual({ "in b": b.formId });
  });

  it("R73: a form needs a key", async () => {
    const out = await load((st) => {
      st.form("");
    });
    expect(messageOf(out.roots[0].children[0])).toContain("`st.form()` needs a key that names the form");
  });

  it("R82: two forms with the same key raise", async () => {
    const out = await load((st) => {
      st.form("dup");
      st.form("dup");
    });
    expect(messageOf(out.roots[0].children[1])).toBe(
      "There are multiple identical forms with `key='dup'`.\n\nTo fix this, please make sure that the `key` argument is unique for\neach `st.form` you create.",
    );
  });

  it("R47: assigning a form's key through session state after the form raises", async () => {
    const out = await load((st) => {
      st.form("f");
      st.sessionState.f = 1;
    });
    expect(messageOf(out.roots[0].children[1])).toContain("`st.sessionState.f` cannot be modified after the widget with key `f` is instantiated.");
  });

  it("R48: assigning a form's key before the form raises at the form", async () => {
    const out = await load((st) => {
      st.sessionState.f = 1;
      st.form("f");
    });
    const error = out.roots[0].children[0] as ElementNode;
    expect([error.props.name, error.props.message]).toEqual([
      "StreamlitValueAssignmentNotAllowedError",
      "Values for the widget with `key` 'f' cannot be set using `st.sessionState`.",
    ]);
  });

  it("R73/R76: one <form> posting to the action with the hidden fields and the form id", async () => {
    const out = await load((st) => {
      st.form("f", { clearOnSubmit: true }, () => st.markdown("inside"));
    });
    const form = out.roots[0].children[0] as BlockNode;
    expect(form.props).toEqual({ key: "f", clearOnSubmit: true, enterToSubmit: true, border: true });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain(
      `<div class="el el-node-form" id="el-0-0"><form method="post" action="/x?_s=t" hx-post="/x?_s=t" hx-swap="none" class="el-form el-bordered">` +
        `<input type="hidden" name="_csrf" value="c"><input type="hidden" name="_f" value="${form.formId}">` +
        `<div class="el el-node-markdown" id="el-0-0-0">`,
    );
  });

  it("R83: enterToSubmit false puts a disabled submit button first, so Enter submits nothing", async () => {
    const out = await load((st) => {
      st.form("f", { enterToSubmit: false, border: false });
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain(
      `class="el-form"><input type="hidden" name="_csrf" value="c"><input type="hidden" name="_f" value="${(out.roots[0].children[0] as BlockNode).formId}">` +
        '<button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button></form>',
    );
  });

  it("R83/R84: with enterToSubmit the disabled button comes last: the first real submit button stays the default", async () => {
    const out = await load((st) => {
      st.form("f", () => st.markdown("x"));
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toMatch(/<p>x<\/p>\n<\/div><\/div><button type="submit" disabled hidden aria-hidden="true" tabindex="-1"><\/button><\/form>/);
  });
});

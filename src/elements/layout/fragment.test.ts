import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { renderRoot } from "../../render/tree";
import { AppSession, defineApp, type AppFunction } from "../../runtime/session";

const ctx = { action: "/app?_s=t", hiddenFields: html`<input type="hidden" name="_csrf" value="c">`, showErrorDetails: true };
const page = async (main: AppFunction) => renderRoot((await new AppSession(defineApp(main)).load()).roots[0], ctx).value;

describe("fragment and dialog blocks", () => {
  it("R117: a fragment is an invisible container; without runEvery it adds no markup of its own", async () => {
    const out = await page((st) => void st.fragment(() => st.markdown("inside"))());
    expect(out).toMatch(/^<main id="el-root-0" class="el-root el-main"><div class="el el-node-fragment" id="el-0-0"><div class="el el-node-markdown" id="el-0-0-0">/);
    expect(out).not.toContain("<form");
  });

  it("R122: runEvery renders a form htmx posts on a timer with the fragment's id, and a no-script Refresh", async () => {
    const out = await page((st) => void st.fragment(() => st.markdown("tick"), { runEvery: "1.5s" })());
    const id = out.match(/name="_fg" value="(g[a-z0-9]+)"/)![1];
    expect(out).toContain(
      '<form method="post" action="/app?_s=t" class="el-wform el-poll" hx-post="/app?_s=t" hx-trigger="every 1500ms" hx-swap="none">' +
        `<input type="hidden" name="_csrf" value="c"><input type="hidden" name="_fg" value="${id}"><noscript><button type="submit" class="el-apply">Refresh</button></noscript></form>`,
    );
  });

  it("R129/R130: a dialog is a <dialog open> labelled by its title, escaped, with a close button that sends nothing", async () => {
    const out = await page((st) => void st.dialog("<b>Edit</b>", () => st.markdown("body"))());
    expect(out).toMatch(/<dialog open id="el-0-0-dialog-\d+" class="el-dialog" aria-labelledby="el-0-0-title" closedby="any" style="width:min\(32rem,100%\);/);
    expect(out).toContain('<h2 class="el-heading" id="el-0-0-title">&lt;b&gt;Edit&lt;/b&gt;</h2>');
    expect(out).toContain('<form method="dialog"><button type="submit" class="el-button el-button-tertiary" aria-label="Close">✕</button></form>');
  });

  it("R130: dismissible: false has no close button and closedby=none; onDismiss posts its trigger on any close", async () => {
    const fixed = await page((st) => st.dialog("Wait", () => undefined, { dismissible: false, width: "large" })());
    expect(fixed).toContain('closedby="none" style="width:min(80rem,100%);');
    expect(fixed).not.toContain("Close");
    const posting = await page((st) => st.dialog("Tell me", () => undefined, { onDismiss: "rerun" })());
    const trigger = posting.match(/name="_t" value="(w[a-z0-9]+)"/)![1];
    expect(posting).toContain('hx-trigger="submit, close from:&#39;closest dialog&#39;"');
    expect(posting).toContain(`<input type="hidden" name="_w" value="${trigger}"><input type="hidden" name="_t" value="${trigger}">`);
  });
});

import { describe, expect, it } from "vitest";
import { html, trustedHtml } from "./html";
import { widgetForm } from "./widget-form";

const ctx = { action: "/app?_s=t", hiddenFields: trustedHtml(""), showErrorDetails: false };

describe("widgetForm", () => {
  it("names each no-script Apply button after its widget, escaped, for screen readers", () => {
    const out = widgetForm(ctx, "w1", html`<input>`, "change", `Colour <b>"x"</b>`).value;
    expect(out).toContain(`<noscript><button type="submit" class="el-apply">Apply<span class="el-sr-only"> Colour &lt;b&gt;&quot;x&quot;&lt;/b&gt;</span></button></noscript>`);
  });

  it("offers no Apply button to widgets that commit by submitting, nor inside an st.form", () => {
    expect(widgetForm(ctx, "w1", html`<button>Go</button>`, "submit", "Go").value).not.toContain("el-apply");
    expect(widgetForm({ ...ctx, form: { id: "f1", enterToSubmit: true } }, "w1", html`<input>`, "change", "Colour").value).not.toContain("<form");
  });
});

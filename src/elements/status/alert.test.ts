import { describe, expect, it } from "vitest";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode } from "../text/test-support";

describe("st.success / st.info / st.warning / st.error", () => {
  it("render Markdown in a box: status role for success and info, alert for warning and error", async () => {
    const [success, info, warning, error] = (await nodesOf((st) => {
      st.success("Saved **all**");
      st.info("FYI");
      st.warning("Careful");
      st.error("Failed");
    })).map(renderNode);
    expect(success).toBe('<div class="el-alert el-success" role="status"><div class="el-alert-body"><p>Saved <strong>all</strong></p>\n</div></div>');
    expect(info).toMatch(/^<div class="el-alert el-info" role="status">/);
    expect(warning).toMatch(/^<div class="el-alert el-warning" role="alert">/);
    expect(error).toMatch(/^<div class="el-alert el-error" role="alert">/);
  });

  it("show an emoji icon, and a Material shortcode as a named empty span", async () => {
    const [emoji, material] = (await nodesOf((st) => {
      st.success("ok", { icon: "✅" });
      st.info("i", { icon: ":material/thumb_up:" });
    })).map(renderNode);
    expect(emoji).toContain('<span class="el-alert-icon" aria-hidden="true">✅</span>');
    expect(material).toContain('<span class="el-alert-icon el-icon-material" data-icon="thumb_up" aria-hidden="true"></span>');
  });

  it("escape hostile bodies and icons; no javascript: links", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) {
        st.success(s, { icon: s });
        st.error(s, { icon: s });
      }
      st.warning("[x](javascript:alert(1))");
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
  });

  it("formats a non-string body as text", async () => {
    expect(await renderFirst((st) => void st.info(42))).toContain("<p>42</p>");
  });
});

import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";

export const divider = defineElement({
  name: "divider",
  /** A horizontal rule. `st.divider()` */
  api: (dg: Dg): Dg => dg.emit("divider", {}),
  render: () => html`<hr class="el-divider">`,
});

/** The `help` text display elements show under their content (plain text, escaped). */
import { html, type Html } from "../../render/html";

export function renderHelp(help: unknown): Html {
  return typeof help === "string" && help !== "" ? html`<small class="el-help">${help}</small>` : html``;
}

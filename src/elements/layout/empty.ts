import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";

export const empty = defineElement({
  name: "empty",
  /**
   * An invisible placeholder locked to its position (R106): each write to it replaces what it
   * shows, `.container()` puts a block there and `.empty()` clears it (R107).
   * `const ph = st.empty(); ph.markdown("Loading…"); ph.markdown("Done")`
   */
  api: (dg: Dg): Dg => dg.emit("empty", {}),
  render: () => html``,
});

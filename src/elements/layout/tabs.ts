import { attrs, html, type Html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException } from "../../runtime/errors";
import { DOM } from "../../wire";
import { defineElement, type BlockNode } from "../types";

/**
 * The id of no element on the page. Tab radios name it as their form owner so that they never
 * belong to an enclosing st.form: they are not submitted with it and Enter in them submits nothing.
 * (A `form` attribute naming a missing id leaves the control without a form owner, HTML §4.10.17.3.)
 */
const NO_FORM = "el-no-form";

const ids = (tabsPath: number[], index: number) => {
  const stem = DOM.element(tabsPath);
  return { radio: `${stem}-tab-${index}`, label: `${stem}-label-${index}`, panel: `${stem}-panel-${index}`, group: `${stem}-tabs` };
};

function checkLabels(labels: unknown): string[] {
  if (!Array.isArray(labels)) {
    throw new StreamlitAPIException('The input argument to st.tabs must be a list of tab labels, for example `st.tabs(["Tab 1", "Tab 2"])`.');
  }
  if (labels.length === 0) throw new StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.");
  if (!labels.every((label) => typeof label === "string")) {
    throw new StreamlitAPIException("The tabs input list to st.tabs is only allowed to contain strings.");
  }
  return labels;
}

/**
 * Tabs switch without JavaScript and without a request: each tab is a radio, its label and its
 * panel, in that order, so the stylesheet shows the panel after a checked radio
 * (`.el-tab-radio:checked + .el-tab-label + .el-tab`) and lays the labels out in a row. That
 * order is also why the panels sit inside the tablist element. Which tab is open is client state
 * (R111); a re-render of the tabs element shows the first tab again.
 *
 * Assistive tech meets what is really there: a group of native radios (arrow keys switch tabs),
 * each panel a region named by its label. ARIA's tab roles would promise the tablist keyboard
 * model, which needs script, and a tablist may not hold the panels and inputs this order needs.
 */
function renderTabs(node: BlockNode, children: Html[]): Html {
  const tabs = node.children.filter((child) => child !== undefined);
  return html`<div class="el-tabs-inner" role="group">${tabs.map((tab, i) => {
    const id = ids(node.path, tab.path[tab.path.length - 1]);
    return html`<input${attrs({
      type: "radio",
      class: "el-tab-radio",
      id: id.radio,
      name: id.group,
      form: NO_FORM,
      checked: i === 0,
    })}><label${attrs({ for: id.radio, class: "el-tab-label", id: id.label })}>${String(
      tab.props.label,
    )}</label>${children[i]}`;
  })}</div>`;
}

function renderPanel(node: BlockNode, children: Html[]): Html {
  const id = ids(node.path.slice(0, -1), node.path[node.path.length - 1]);
  return html`<div${attrs({ class: "el-tab-panel", role: "region", id: id.panel, "aria-labelledby": id.label })}>${children}</div>`;
}

export const tabs = defineElement({
  name: "tabs",
  types: ["tabs", "tab"],
  /**
   * One container per label; every tab's body runs on every run (R111).
   * `const [chart, data] = st.tabs(["Chart", "Data"]); data.markdown("rows…")`
   */
  api: (dg: Dg, labels: string[]): Dg[] => {
    const checked = checkLabels(labels);
    const block = dg.addBlock("tabs", { labels: [...checked] });
    return checked.map((label) => block.addBlock("tab", { label }));
  },
  renderBlock: (node, children) => (node.type === "tab" ? renderPanel(node, children) : renderTabs(node, children)),
});

import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException } from "../../runtime/errors";
import { defineElement } from "../types";
import { describeSite, keyClass, optionsAndBody, runBody, type Body } from "./common";

export interface ContainerOptions {
  /** Fixed height in pixels; the content scrolls inside (R113). */
  height?: number;
  /** Defaults to true when `height` is set, false otherwise. */
  border?: boolean;
  /** Occupies the key namespace (R25) and adds the CSS class `st-key-<key>`. */
  key?: string | number;
}

interface ContainerProps {
  height?: number;
  border: boolean;
  key?: string;
}

function checkHeight(height: unknown): number | undefined {
  if (height === undefined || height === null) return undefined;
  if (typeof height !== "number" || !Number.isFinite(height) || height <= 0) {
    throw new StreamlitAPIException(
      `Invalid height value: ${String(height)}. The height of \`st.container\` must be a positive number of pixels, ` +
        "for example `st.container({ height: 300 })`.",
    );
  }
  return height;
}

export const container = defineElement({
  name: "container",
  /**
   * A block holding several elements; later writes still land inside it (R105).
   * `const c = st.container(); c.markdown("drawn above")` or `st.container(() => st.markdown("inside"))`.
   */
  api: (dg: Dg, optionsOrBody?: ContainerOptions | Body, body?: Body): Dg => {
    const [options, fn] = optionsAndBody<ContainerOptions>(optionsOrBody, body);
    dg.run.checkpoint();
    const height = checkHeight(options.height);
    const key = options.key === undefined || options.key === null ? undefined : String(options.key);
    if (key !== undefined) dg.run.claimKey(key, describeSite("container", key, dg));
    const props: ContainerProps = { height, border: options.border ?? height !== undefined, key };
    return runBody(dg.addBlock("container", { ...props }), fn, "container");
  },
  renderBlock: (node, children) => {
    const { height, border, key } = node.props as unknown as ContainerProps;
    const classes = ["el-container-inner", border ? "el-bordered" : "", height ? "el-scroll" : "", key !== undefined ? keyClass(key) : ""];
    return html`<div${attrs({
      class: classes.filter(Boolean).join(" "),
      style: height ? `height:${height}px;overflow-y:auto` : undefined,
    })}>${children}</div>`;
  },
});

/** st.toggle: a checkbox drawn as a switch (same value, same codec). */
import { defineElement } from "../types";
import { booleanCodec, booleanWidget, renderBoolean } from "./checkbox";

export const toggle = defineElement({
  name: "toggle",
  /** A switch: `true` while on. `const dark = st.toggle("Dark mode", { value: true })` */
  api: booleanWidget("toggle"),
  render: renderBoolean,
  codec: booleanCodec,
});

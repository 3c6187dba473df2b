/**
 * Every element, by its st method name. Adding an element is one file and one line here.
 */
import { exception } from "./status/exception";
import { markdown } from "./text/markdown";
import { button } from "./widgets/button";

export const registry = {
  markdown,
  exception,
  button,
};

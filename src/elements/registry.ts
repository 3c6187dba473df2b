/**
 * Every element, by its st method name. Adding an element is one file and one line in the
 * registry part it belongs to (display, widgets, layout).
 */
import { display } from "./registry/display";
import { layout } from "./registry/layout";
import { widgets } from "./registry/widgets";

export const registry = { ...display, ...widgets, ...layout };

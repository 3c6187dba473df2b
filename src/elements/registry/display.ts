/** Text, data and status elements. */
import { exception } from "../status/exception";
import { markdown } from "../text/markdown";

export const display = {
  markdown,
  exception,
};

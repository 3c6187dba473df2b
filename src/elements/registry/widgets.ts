/** Input widgets. */
import { button } from "../widgets/button";

export const widgets = {
  button,
};

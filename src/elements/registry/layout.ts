/** Containers and blocks. */
import { columns } from "../layout/columns";
import { container } from "../layout/container";
import { empty } from "../layout/empty";
import { expander } from "../layout/expander";
import { form } from "../layout/form";
import { tabs } from "../layout/tabs";

export const layout = {
  container,
  empty,
  columns,
  tabs,
  expander,
  form,
};

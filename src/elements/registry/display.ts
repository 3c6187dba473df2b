/** Text, data and status elements. */
import { json } from "../data/json";
import { metric } from "../data/metric";
import { pageLink } from "../navigation/page-link";
import { table } from "../data/table";
import { error, info, success, warning } from "../status/alert";
import { exception } from "../status/exception";
import { caption } from "../text/caption";
import { code } from "../text/code";
import { divider } from "../text/divider";
import { header, subheader, title } from "../text/heading";
import { markdown } from "../text/markdown";
import { text } from "../text/text";
import { write } from "../text/write";

export const display = {
  markdown,
  exception,
  write,
  title,
  header,
  subheader,
  caption,
  text,
  code,
  divider,
  json,
  metric,
  table,
  pageLink,
  success,
  info,
  warning,
  error,
};

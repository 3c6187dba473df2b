/**
 * The apps this server runs, by URL path. To add a page, write a file that does
 * `export default defineApp((st) => { … })` and add one line here.
 */
import type { App } from "../src/api";
import demo from "../examples/demo";
import e2eFocus from "../examples/e2e/focus";
import e2eReliability from "../examples/e2e/reliability";
import e2eXss from "../examples/e2e/xss";
import counter from "../examples/seeds/counter";
import counterCallbacks from "../examples/seeds/counter-callbacks";
import form from "../examples/seeds/form";
import rerun from "../examples/seeds/rerun";
import rerunCallback from "../examples/seeds/rerun-callback";
import rerunContainer from "../examples/seeds/rerun-container";

export const apps: Record<string, App> = {
  "/seeds/form": form,
  "/seeds/counter": counter,
  "/seeds/counter-callbacks": counterCallbacks,
  "/seeds/rerun": rerun,
  "/seeds/rerun-callback": rerunCallback,
  "/seeds/rerun-container": rerunContainer,
  "/e2e/focus": e2eFocus,
  "/e2e/reliability": e2eReliability,
  "/e2e/xss": e2eXss,
  "/demo": demo,
};

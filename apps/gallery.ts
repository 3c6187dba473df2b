/**
 * The gallery at "/": one multipage app whose pages are the seeds and the demo, at stable paths.
 * Its pages share one session per tab. To add a page, write a file that does
 * `export default defineApp((st) => { … })` and add one line to `pages`.
 */
import { defineApp, Page, type St } from "../src/api";
import demo from "../examples/demo";
import counter from "../examples/seeds/counter";
import counterCallbacks from "../examples/seeds/counter-callbacks";
import form from "../examples/seeds/form";
import rerun from "../examples/seeds/rerun";
import rerunCallback from "../examples/seeds/rerun-callback";
import rerunContainer from "../examples/seeds/rerun-container";

function home(st: St): void {
  st.title("Edgelit");
  st.markdown("Streamlit-style apps on Cloudflare Workers: every interaction reruns the page on the server, and the tab's session lives in a Durable Object. Pick a page:");
  for (const page of pages) if (page.source !== home) st.pageLink(page);
  if (st.button("Open the form with st.switchPage")) st.switchPage("seeds/form");
}

export const pages = [
  Page(home, { title: "Home", default: true }),
  Page(form, { title: "Form", urlPath: "seeds/form" }),
  Page(counter, { title: "Counter", urlPath: "seeds/counter" }),
  Page(counterCallbacks, { title: "Counter with callbacks", urlPath: "seeds/counter-callbacks" }),
  Page(rerun, { title: "Rerun", urlPath: "seeds/rerun" }),
  Page(rerunCallback, { title: "Rerun from a callback", urlPath: "seeds/rerun-callback" }),
  Page(rerunContainer, { title: "Rerun into a container", urlPath: "seeds/rerun-container" }),
  Page(demo, { title: "Demo", urlPath: "demo" }),
];

export default defineApp(
  async (st) => {
    const page = st.navigation(pages, { position: "sidebar" });
    await page.run();
  },
  { pages },
);

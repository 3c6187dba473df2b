// SEMANTICS 1.16 (R138–R140) with R20/R72: st.navigation, st.Page, st.switchPage, st.pageLink.
import { describe, expect, it } from "vitest";
import { defineApp, Page, type St, type StPage } from "../../src/api";
import { AppSession } from "../../src/runtime/session";
import { AppTest } from "../../src/testing/app-test";

const exceptionOf = (at: AppTest) => at.exception.values[0] as string | undefined;
const menuOf = (at: AppTest) =>
  (at.get("navigation")[0].props.sections as { links: { label: string; path: string; current: boolean }[] }[]).flatMap((s) => s.links);

function home(st: St) {
  st.title("Home");
  st.sessionState.visits = (st.sessionState.visits ?? 0) + 1;
  st.checkbox("Shared label", { key: "homeBox" });
}
function reports(st: St) {
  st.title("Reports");
  st.text(`homeBox in state: ${"homeBox" in st.sessionState}`);
  st.checkbox("Shared label", { key: "reportsBox" });
  st.checkbox("Kept", { key: "kept", persistState: "session" });
}
const pages = [Page(home, { title: "Home", icon: "🏠" }), Page(reports, { urlPath: "reports/daily" })];

/** A gallery-like app mounted at /app: a frame widget in the sidebar, then the page. */
const app = defineApp(
  async (st) => {
    const frame = st.sidebar.toggle("Frame toggle", { key: "frame" });
    const page = st.navigation(pages);
    st.sidebar.text(`frame ${frame}`);
    await page.run();
  },
  { pages },
);

describe("1.16 multipage apps", () => {
  it("R138: the app's own path runs the default page (the first) and the menu lists every page as a link", async () => {
    const at = await AppTest.fromApp(app, { page: "/app" }).run();
    expect(at.title.values).toEqual(["Home"]);
    expect(at.pagePath).toBe("/app");
    expect(menuOf(at)).toEqual([
      { label: "Home", icon: "🏠", path: "/app", current: true },
      { label: "Reports", icon: null, path: "/app/reports/daily", current: false },
    ]);
    expect(at.get("navigation")[0].node.path[0]).toBe(1); // position "sidebar" is the default
  });

  it("R138: a page's URL runs that page; a page marked default wins over the first", async () => {
    const at = AppTest.fromApp(app, { page: "/app" }).switchPage("reports/daily");
    await at.run();
    expect(at.title.values).toEqual(["Reports"]);
    expect(at.pagePath).toBe("/app/reports/daily");
    expect(menuOf(at).map((l) => l.current)).toEqual([false, true]);
    const second = [Page(home, { title: "Home", urlPath: "home" }), Page(reports, { title: "Reports", default: true })];
    const other = await AppTest.fromApp(defineApp(async (st) => st.navigation(second).run(), { pages: second })).run();
    expect(other.title.values).toEqual(["Reports"]);
    expect(menuOf(other).map((l) => l.path)).toEqual(["/home", "/"]);
  });

  it("R138: the frame's widgets keep their state across pages; session state is shared", async () => {
    const at = await AppTest.fromApp(app, { page: "/app" }).run();
    at.toggle[0].setValue(true);
    await at.run();
    at.switchPage("/app/reports/daily");
    await at.run();
    expect(at.toggle[0].value).toBe(true);
    expect(at.sidebar.text.values).toEqual(["frame true"]);
    at.switchPage("/app");
    await at.run();
    expect(at.sessionState.visits).toBe(3);
  });

  it("R20/R140: the same widget on two pages is two widgets", async () => {
    function a(st: St) {
      st.checkbox("Same");
    }
    function b(st: St) {
      st.checkbox("Same");
    }
    const twin = [Page(a), Page(b)];
    const at = await AppTest.fromApp(defineApp(async (st) => st.navigation(twin).run(), { pages: twin })).run();
    const first = at.checkbox[0].node.widget!.id;
    at.checkbox[0].check();
    await at.run();
    at.switchPage("b");
    await at.run();
    expect(at.checkbox[0].node.widget!.id).not.toBe(first);
    expect(at.checkbox[0].value).toBe(false);
  });

  it("R72/R140: leaving a page drops its widgets, keys included, before the next page runs; persistState 'session' keeps one", async () => {
    const at = AppTest.fromApp(app, { page: "/app" }).switchPage("reports/daily");
    await at.run();
    at.checkbox[1].check(); // Kept
    await at.run();
    at.switchPage("/app");
    await at.run();
    at.checkbox[0].check(); // homeBox
    await at.run();
    expect(at.sessionState.homeBox).toBe(true);
    at.switchPage("reports/daily");
    await at.run();
    // At the top of the Reports run, Home's key was already gone (R72, ≥1.46).
    expect(at.main.text.values).toEqual(["homeBox in state: false"]);
    expect(at.sessionState.homeBox).toBeUndefined();
    expect(at.checkbox[1].value).toBe(true);
    expect(at.sessionState.kept).toBe(true);
  });

  it("R139: st.switchPage stops the run at once and runs the target page, by object or URL path", async () => {
    let after = 0;
    function start(st: St) {
      st.title("Start");
      if (st.button("Go")) {
        st.switchPage(st.sessionState.byPath ? "reports/daily" : pages[1]);
        after++;
      }
    }
    const flow = [Page(start, { title: "Start" }), pages[1]];
    const at = await AppTest.fromApp(defineApp(async (st) => st.navigation(flow).run(), { pages: flow })).run();
    at.button[0].click();
    await at.run();
    expect(at.title.values).toEqual(["Reports"]);
    expect(at.pagePath).toBe("/reports/daily");
    expect(after).toBe(0);
    at.switchPage("/");
    at.sessionState.byPath = true;
    await at.run();
    at.button[0].click();
    await at.run();
    expect(at.title.values).toEqual(["Reports"]);
  });

  it("R139: switching clears the query (embed parameters stay) or sets the given queryParams; it works from a callback", async () => {
    function start(st: St) {
      st.button("Go", { onClick: () => st.switchPage("reports/daily", { queryParams: { from: "start" } }) });
      st.button("Plain", { onClick: () => st.switchPage(pages[1]) });
    }
    const flow = [Page(start, { title: "Start" }), pages[1]];
    const flowApp = defineApp(async (st) => st.navigation(flow).run(), { pages: flow });
    const at = AppTest.fromApp(flowApp);
    at.queryParams = { embed: "true", q: "1" };
    await at.run();
    at.button[0].click();
    await at.run();
    expect(at.title.values).toEqual(["Reports"]);
    expect(at.queryParams).toEqual({ embed: ["true"], from: ["start"] });
    const plain = AppTest.fromApp(flowApp);
    plain.queryParams = { q: "1" };
    await plain.run();
    plain.button[1].click();
    await plain.run();
    expect(plain.queryParams).toEqual({});
  });

  it("R139: an unknown page raises the exact error and the run goes on where it was", async () => {
    const at = await AppTest.fromApp(
      defineApp(async (st) => {
        const page = st.navigation(pages);
        if (st.button("Nowhere")) st.switchPage("nowhere");
        await page.run();
      }, { pages }),
    ).run();
    at.button[0].click();
    await at.run();
    expect(exceptionOf(at)).toContain("Could not find page: `nowhere`.");
    expect(at.title.values).toEqual([]);
    expect(at.pagePath).toBe("/");
  });

  it("R138: one st.navigation per run; only the page it returned runs, once", async () => {
    const twice = await AppTest.fromApp(defineApp((st) => void (st.navigation(pages), st.navigation(pages)), { pages })).run();
    expect(exceptionOf(twice)).toContain("`st.navigation` was called more than once in this run.");
    const direct = await AppTest.fromApp(defineApp(async () => pages[0].run(), { pages })).run();
    expect(exceptionOf(direct)).toContain("This page cannot be called directly. Only the page returned from st.navigation can be called once.");
    const again = await AppTest.fromApp(
      defineApp(async (st) => {
        const page = st.navigation(pages);
        await page.run();
        await page.run();
      }, { pages }),
    ).run();
    expect(exceptionOf(again)).toContain("This page cannot be called directly.");
  });

  it("R138: pages must be declared with the app, have one default at most and distinct URL paths", async () => {
    const extra = Page(reports, { urlPath: "extra" });
    const undeclared = await AppTest.fromApp(defineApp(async (st) => st.navigation([...pages, extra]).run(), { pages })).run();
    expect(exceptionOf(undeclared)).toContain('Page "Reports" (URL /extra) is not among the pages this app declares');
    const twoDefaults = [Page(home, { default: true }), Page(reports, { default: true })];
    const defaults = await AppTest.fromApp(defineApp(async (st) => st.navigation(twoDefaults).run(), { pages: pages })).run();
    expect(exceptionOf(defaults)).toContain("Multiple pages specified with `default: true`.");
    const same = [Page(home), Page(home, { urlPath: "same" }), Page(reports, { urlPath: "same" })];
    const duplicate = await AppTest.fromApp(defineApp(async (st) => st.navigation(same).run(), { pages })).run();
    expect(exceptionOf(duplicate)).toContain("Multiple pages specified with URL pathname `/same`.");
    expect(() => Page(home, { urlPath: "a/../b" })).toThrow("The URL path `a/../b` is not valid");
    expect(() => AppTest.fromApp(app, { page: "/app" }).switchPage("nope")).toThrow("No page at /app/nope");
  });

  it("R138: position 'top' draws the menu in the main area, 'hidden' draws none; sections title groups", async () => {
    const sections = { Start: [pages[0]], More: [pages[1]] };
    const top = await AppTest.fromApp(defineApp(async (st) => st.navigation(sections, { position: "top" }).run(), { pages })).run();
    expect(top.get("navigation")[0].node.path[0]).toBe(0);
    expect((top.get("navigation")[0].props.sections as { title: string }[]).map((s) => s.title)).toEqual(["Start", "More"]);
    const hidden = await AppTest.fromApp(defineApp(async (st) => st.navigation(pages, { position: "hidden" }).run(), { pages })).run();
    expect(hidden.get("navigation")).toHaveLength(0);
    expect(hidden.title.values).toEqual(["Home"]);
  });

  it("R138: a navigation without the requested page runs the default one, and the address follows", async () => {
    const gated = defineApp(
      async (st) => {
        st.sessionState.open ??= true;
        if (st.button("Close reports")) st.sessionState.open = false;
        await st.navigation(st.sessionState.open ? pages : [pages[0]]).run();
      },
      { pages },
    );
    const at = AppTest.fromApp(gated, { page: "/app" }).switchPage("reports/daily");
    await at.run();
    expect(at.title.values).toEqual(["Reports"]);
    at.button[0].click();
    await at.run();
    expect(at.title.values).toEqual(["Home"]);
    expect(at.pagePath).toBe("/app");
  });

  it("R72 after an eviction: the stored session still knows its page, query and the page's widgets", async () => {
    const first = new AppSession(app, undefined, { page: "/app" });
    let out = await first.load({ page: "/app", query: [["q", "1"]] });
    const box = out.roots[0].children.find((n) => n.type === "checkbox")!;
    await first.handle({ values: { [(box as { widget: { id: string } }).widget.id]: "on" } }, { page: "/app" });
    const stored = structuredClone(first.snapshot());
    const woken = new AppSession(app, stored, { page: "/app" });
    expect(woken.peekState("homeBox")).toBe(true);
    out = await woken.load({ page: "/app/reports/daily" });
    expect(woken.peekState("homeBox")).toBeUndefined();
    expect(out.address).toMatchObject({ page: "/app/reports/daily", pageChanged: false, queryChanged: false });
    const event = await woken.handle({ values: {} }, {}).catch((error: Error) => error);
    expect(event).not.toBeInstanceOf(Error);
    await expect(woken.handle({ values: {} }, { page: "/app" })).rejects.toThrow("This page (/app) is out of date");
  });

  it("st.Page infers the title and URL path from the function's name; st.Page and Page make the same page", async () => {
    function salesReport() {}
    const page: StPage = Page(salesReport);
    expect([page.title, page.urlPath]).toEqual(["Sales Report", "sales-report"]);
    let made: StPage | undefined;
    await AppTest.fromFunction((st) => void (made = st.Page(salesReport, { icon: "📈" }))).run();
    expect([made!.title, made!.urlPath, made!.icon]).toEqual(["Sales Report", "sales-report", "📈"]);
  });

  it("st.pageLink draws a link to a page (its title by default, current marked) or to an external URL with a label", async () => {
    const at = await AppTest.fromApp(
      defineApp(async (st) => {
        const page = st.navigation(pages, { position: "hidden" });
        st.pageLink(pages[1]);
        st.pageLink("/app", { label: "Back home", icon: "🏠" });
        st.pageLink("https://streamlit.io", { label: "Streamlit" });
        try {
          st.pageLink("https://example.com");
        } catch (error) {
          st.text((error as Error).message);
        }
        await page.run();
      }, { pages }),
      { page: "/app" },
    ).run();
    expect(at.get("pageLink").map((l) => [l.props.label, l.props.path, l.props.current])).toEqual([
      ["Reports", "/app/reports/daily", false],
      ["Back home", "/app", true],
      ["Streamlit", "https://streamlit.io", false],
    ]);
    expect(at.text.values).toEqual(["The `label` option is required for external links used with st.pageLink."]);
  });

  it("R140/R119: a fragment on a page keeps the page's widget identity in its fragment runs", async () => {
    function tally(st: St) {
      st.sessionState.n ??= 0;
      const counter = st.fragment(() => {
        if (st.button("Add")) st.sessionState.n += 1;
        st.text(`n = ${st.sessionState.n}`);
      });
      counter();
    }
    const tallyPages = [Page(tally, { title: "Tally" })];
    const at = await AppTest.fromApp(defineApp(async (st) => await st.navigation(tallyPages).run(), { pages: tallyPages }), { page: "/t" }).run();
    for (const expected of ["n = 1", "n = 2", "n = 3"]) {
      at.button[0].click();
      await at.run();
      expect(at.lastRun.fragment).toBeDefined();
      expect(at.text.values).toEqual([expected]);
    }
  });
});


// End-to-end fixture (test/workers/address.test.ts, test/browser/address.test.ts): the URL's
// query (st.queryParams) and the request (st.context), shown as plain text lines.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.title("Address");
  st.sessionState.clicks ??= 0;
  st.sessionState.runs = (st.sessionState.runs ?? 0) + 1;
  st.button("Next tab", {
    onClick: () => {
      st.sessionState.clicks += 1;
      st.queryParams.tab = String(Number(st.queryParams.get("tab", "0")) + 1);
    },
  });
  st.button("Clear the query", { onClick: () => st.queryParams.clear() });
  st.text(`Tab: ${st.queryParams.get("tab", "none")}`);
  st.text(`Clicks: ${st.sessionState.clicks}`);
  st.text(`Runs: ${st.sessionState.runs}`);
  st.text(`Query: ${JSON.stringify(st.queryParams.toDict())}`);
  const c = st.context;
  st.text(`Context: ${JSON.stringify({ locale: c.locale ?? null, timezone: c.timezone ?? null, ip: c.ipAddress ?? null, probe: c.headers["X-Probe"] ?? null, cookies: c.cookies, cookieHeader: "cookie" in c.headers })}`);
  st.text(`URL: ${c.url}`);
});

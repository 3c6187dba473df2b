// End-to-end fixture (test/browser/fragments.test.ts, test/workers/fragments.test.ts): a fragment
// on a timer, a fragment with a button, and a dialog. "Full runs" counts runs of the whole script,
// so a fragment run shows by not changing it.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.sessionState.fullRuns = (st.sessionState.fullRuns ?? 0) + 1;
  st.sessionState.ticks ??= 0;
  st.sessionState.clicks ??= 0;
  st.title("Fragments");
  st.write("Full runs: ", st.sessionState.fullRuns);
  st.textInput("Note", { key: "note" });
  if (st.checkbox("Show the clock", { key: "clock" })) {
    const clock = st.fragment(
      () => {
        st.sessionState.ticks += 1;
        st.write("Ticks: ", st.sessionState.ticks);
      },
      { runEvery: "1s" },
    );
    clock();
  }
  const counter = st.fragment((label: string) => {
    if (st.button("Add one")) st.sessionState.clicks += 1;
    st.write(label, st.sessionState.clicks);
  });
  counter("Clicks: ");

  const edit = st.dialog("Edit the name", () => {
    const draft = st.textInput("Name", { key: "draft" });
    st.write("Draft: ", draft || "(empty)");
    if (st.button("Save")) {
      st.sessionState.name = draft;
      st.rerun();
    }
  });
  st.write("Name: ", st.sessionState.name ?? "nobody");
  if (st.button("Edit the name")) edit();

  // Closing this one by hand is an event: its callback counts it, then the app reruns.
  st.sessionState.dismissed ??= 0;
  const notice = st.dialog("Notice", () => st.write("Close me."), {
    onDismiss: () => {
      st.sessionState.dismissed += 1;
    },
  });
  st.write("Dismissed: ", st.sessionState.dismissed);
  if (st.button("Show the notice")) notice();
});

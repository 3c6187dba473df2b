// End-to-end fixture (test/browser/focus.test.ts): reruns caused by one widget while the user is
// editing another, and values the server changes under the user.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.sessionState.bumps ??= 0;
  if (st.button("Bump")) st.sessionState.bumps += 1;
  st.write("Bumps: ", st.sessionState.bumps);
  // The label changes with every bump, so each rerun redraws the field; the key keeps its identity.
  const name = st.textInput(`Name (bump ${st.sessionState.bumps})`, { key: "name" });
  st.write("Hello, ", name);
  st.button("Clear name", {
    onClick: () => {
      st.sessionState.name = "";
    },
  });
  // The server rewrites what was typed, while the field still has focus.
  st.sessionState.tagChanges ??= 0;
  st.textInput("Tag", {
    key: "tag",
    onChange: () => {
      st.sessionState.tagChanges += 1;
      st.sessionState.tag = String(st.sessionState.tag).trim().toLowerCase();
    },
  });
  st.write("Tag changes: ", st.sessionState.tagChanges);
  st.checkbox("Agree", { key: "agree" });
  st.button("Withdraw", {
    onClick: () => {
      st.sessionState.agree = false;
    },
  });
  st.form("note_form", {}, () => {
    const note = st.textInput("Note");
    if (st.formSubmitButton("Save")) st.write("Saved: ", note);
  });
});

// Updating an earlier header, option 1: change state, then st.rerun().
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.sessionState.value ??= "Title";
  st.header(st.sessionState.value);
  if (st.button("Foo")) {
    st.sessionState.value = "Foo";
    st.rerun();
  }
});

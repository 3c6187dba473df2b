// Updating an earlier header, option 3: write into a container created above the button.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.sessionState.value ??= "Title";
  const container = st.container();
  if (st.button("Baz")) st.sessionState.value = "Baz";
  container.header(st.sessionState.value);
});

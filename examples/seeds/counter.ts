// Streamlit's session-state counter: buttons change a value kept in st.sessionState.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.title("Counter Example");
  st.sessionState.count ??= 0;
  if (st.button("Increment")) st.sessionState.count += 1;
  if (st.button("Decrement")) st.sessionState.count -= 1;
  st.write("Count = ", st.sessionState.count);
});

// Updating an earlier header, option 2: a callback runs before the script body.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.sessionState.value ??= "Title";
  const updateValue = () => {
    st.sessionState.value = "Bar";
  };
  st.header(st.sessionState.value);
  st.button("Bar", { onClick: updateValue });
});

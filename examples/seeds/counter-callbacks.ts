// Streamlit's counter using callbacks with args: callbacks run before the script body.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.title("Counter Example using Callbacks with args");
  st.sessionState.count ??= 0;
  const incrementValue = st.numberInput("Enter a value", { value: 0, step: 1 });
  const incrementCounter = (by: number) => {
    st.sessionState.count += by;
  };
  const decrementCounter = (by: number) => {
    st.sessionState.count -= by;
  };
  st.button("Increment", { onClick: incrementCounter, args: [incrementValue] });
  st.button("Decrement", { onClick: decrementCounter, args: [incrementValue] });
  st.write("Count = ", st.sessionState.count);
});

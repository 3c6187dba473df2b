// Streamlit's st.form example: nothing is sent until Submit.
import { defineApp } from "../../src/api";

export default defineApp((st) => {
  st.form("my_form", {}, () => {
    st.write("Inside the form");
    const sliderVal = st.slider("Form slider");
    const checkboxVal = st.checkbox("Form checkbox");
    const submitted = st.formSubmitButton("Submit");
    if (submitted) st.write("slider", sliderVal, "checkbox", checkboxVal);
  });
  st.write("Outside the form");
});

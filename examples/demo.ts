// The richer demo: every element of the engine, in one app.
import { defineApp } from "../src/api";

export default defineApp((st) => {
  st.setPageConfig({ pageTitle: "Edgelit demo", layout: "wide" });
  st.sidebar.with(() => {
    st.header("Settings");
    st.sessionState.theme = st.radio("Palette", ["Calm", "Vivid"], { key: "palette" });
    st.toggle("Show details", { key: "details" });
  });

  st.title("Edgelit demo");
  st.caption("Every interaction reruns this script on the server; the page gets only what changed.");
  st.markdown("Markdown with **bold**, _emphasis_, `code` and a [link](https://example.com).");

  const [left, middle, right] = st.columns([2, 1, 1]);
  left.subheader("Inputs");
  const name = left.textInput("Your name", { key: "name", placeholder: "Ada", help: "Commits on Enter or blur" });
  const bio = left.textArea("About you", { key: "bio", maxChars: 200 });
  const age = left.numberInput("Age", { minValue: 0, maxValue: 130, value: 30, step: 1, key: "age" });
  const level = left.slider("Level", { minValue: 0, maxValue: 10, value: 3, key: "level" });
  const range = left.slider("Range", { minValue: 0, maxValue: 100, value: [20, 80], key: "range" });
  const size = left.selectSlider("Size", ["S", "M", "L", "XL"], { value: "M", key: "size" });
  const fruit = left.selectbox("Fruit", ["apple", "banana", "cherry"], { key: "fruit" });
  const tags = left.multiselect("Tags", ["red", "green", "blue"], { default: ["red"], key: "tags" });
  const day = left.dateInput("Day", { value: "2026-01-15", key: "day" });
  const time = left.timeInput("Time", { value: "09:30", key: "time" });
  const color = left.colorPicker("Colour", { value: "#3366ff", key: "color" });
  const agree = left.checkbox("I agree", { key: "agree" });

  middle.subheader("Metrics");
  middle.metric("Level", level, { delta: level - 3 });
  middle.metric("Age", age);
  right.subheader("Actions");
  st.sessionState.clicks ??= 0;
  // A fragment: a click reruns only this function (the Layout tab's placeholder catches up later).
  const clicker = st.fragment(() => {
    st.button("Click me", {
      type: "primary",
      onClick: () => {
        st.sessionState.clicks += 1;
      },
    });
    st.write("Clicks:", st.sessionState.clicks);
  });
  right.with(() => clicker());
  const about = st.dialog("About this demo", () => {
    st.markdown("A dialog is a fragment drawn in a native `<dialog>`: its widgets rerun only the dialog.");
    if (st.button("Close and rerun the app")) st.rerun();
  });
  if (right.button("About")) about();

  const [summary, data, layout] = st.tabs(["Summary", "Data", "Layout"]);
  summary.with(() => {
    st.write("Hello", name || "stranger");
    if (bio) st.text(bio);
    st.json({ age, level, range, size, fruit, tags, day, time, color, agree });
    if (agree) st.success("Thanks for agreeing.");
    else st.info("Tick “I agree” to see a success message.");
    if (level > 8) st.warning("That is a high level.");
  });
  data.with(() => {
    st.table([
      { fruit: "apple", price: 1.2 },
      { fruit: "banana", price: 0.5 },
      { fruit: "cherry", price: 3 },
    ]);
    st.code("st.write('Hello, world')", { language: "python" });
  });
  layout.with(() => {
    const slot = st.empty();
    slot.text("A placeholder: replaced below.");
    slot.text(`Placeholder replaced in run ${st.sessionState.clicks}.`);
    st.expander("An expander", { expanded: false }, () => {
      st.markdown("Hidden until opened; its body runs on every rerun.");
    });
    st.container({ border: true }, () => {
      st.markdown("A bordered container.");
    });
  });

  st.divider();
  st.form("signup", { clearOnSubmit: true }, () => {
    st.subheader("A form: nothing is sent until Submit");
    const email = st.textInput("Email", { key: "email" });
    const plan = st.radio("Plan", ["Free", "Pro"], { horizontal: true, key: "plan" });
    if (st.formSubmitButton("Sign up")) {
      if (email) st.success(`Signed up ${email} for ${plan}.`);
      else st.error("Please enter an email.");
    }
  });

  if (st.sessionState.details) st.write(st.sessionState);
  if (st.button("Raise an error")) {
    st.exception(new Error("This is what an exception looks like."));
  }
});

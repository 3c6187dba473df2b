// Reliability fixtures for the workers tests and the crash bench: one button per hazard
// (a long await, a rerun loop, a slow run, a value that cannot be stored, an exception).
import { defineApp } from "../../src/api";

/** Resolves after `ms` (workerd advances the clock across timers, not across CPU work). */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export default defineApp(async (st) => {
  st.sessionState.clicks ??= 0;
  st.sessionState.log ??= [];
  const log = (entry: string) => {
    st.sessionState.log = [...st.sessionState.log, entry];
  };
  st.button("Click", { onClick: () => { st.sessionState.clicks += 1; } });
  st.button("Append", { onClick: (entry: string) => log(entry), args: ["append"] });
  if (st.button("Slow append")) {
    await pause(300); // a long await inside the run: a newer event must wait for it (D8)
    log("slow");
  }
  // A careless rerun loop: it ends only when "Stop looping" clears the flag (its callback runs first).
  st.button("Rerun forever", { onClick: () => { st.sessionState.looping = true; } });
  st.button("Stop looping", { onClick: () => { st.sessionState.looping = false; } });
  if (st.sessionState.looping) st.rerun();
  if (st.button("Run slowly")) {
    for (;;) {
      await pause(50);
      st.write("still running"); // a yield point: the run deadline is checked here
    }
  }
  if (st.button("Store a function")) st.sessionState.handler = () => "not storable";
  if (st.button("Fail")) throw new Error("secret detail: db password is hunter2");
  // Fuzz targets: one widget of each constrained kind (test/workers/fuzz.test.ts posts bad values).
  st.checkbox("Fuzz checkbox");
  st.toggle("Fuzz toggle");
  st.numberInput("Fuzz number", { minValue: 0, maxValue: 10, step: 1, value: 5 });
  st.slider("Fuzz slider", { minValue: 0, maxValue: 100, value: 50 });
  st.slider("Fuzz range", { minValue: 0, maxValue: 100, value: [10, 20] });
  st.selectbox("Fuzz select", ["red", "green", "blue"]);
  st.multiselect("Fuzz multi", ["a", "b", "c"], { maxSelections: 2 });
  st.radio("Fuzz radio", ["x", "y"]);
  st.selectSlider("Fuzz select slider", ["low", "mid", "high"]);
  st.textInput("Fuzz text", { maxChars: 5 });
  st.textArea("Fuzz area", { maxChars: 8 });
  st.dateInput("Fuzz date", { value: new Date(Date.UTC(2024, 0, 15)), minValue: new Date(Date.UTC(2024, 0, 1)), maxValue: new Date(Date.UTC(2024, 11, 31)) });
  st.timeInput("Fuzz time", { value: "12:30" });
  st.colorPicker("Fuzz color", { value: "#336699" });
  st.form("fuzz_form", () => {
    st.textInput("Fuzz form text", { maxChars: 5 });
    st.formSubmitButton("Fuzz submit");
  });
  st.write("Clicks = ", st.sessionState.clicks);
  st.write("Log = ", st.sessionState.log.join(","));
});

// A synthetic app of `count` elements for the benchmarks: one text input whose value one
// element echoes (the "one-widget change"), a widget every tenth element, text in between.
import { defineApp, type App } from "../../src/api";

export function elementsApp(count: number): App {
  return defineApp((st) => {
    st.title(`Benchmark: ${count} elements`);
    const name = st.textInput("Name", { value: "world" });
    st.write("Hello, ", name);
    for (let i = 3; i < count; i++) {
      if (i % 10 === 0) st.checkbox(`Option ${i}`);
      else if (i % 3 === 0) st.markdown(`**Row ${i}**: some *formatted* text with \`code\` and a [link](https://example.com/${i}).`);
      else if (i % 3 === 1) st.text(`Plain row ${i}: the quick brown fox jumps over the lazy dog.`);
      else st.caption(`Caption ${i}`);
    }
  });
}

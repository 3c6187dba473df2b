// End-to-end fixture (test/browser/xss.test.ts): a corpus of script-injection payloads through
// every element's text, every widget's label, value, options, help and placeholder, Markdown,
// session state shown with st.write, and through a text input (user input echoed everywhere).
// Every payload, if it ever ran, would set window.__xss or open a dialog; the test checks neither.
import { defineApp } from "../../src/api";

export const XSS_CORPUS: readonly string[] = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `"><svg onload=window.__xss=1>`,
  `'><img src=x onerror=alert(1)>`,
  `javascript:window.__xss=1`,
  `<a href="javascript:alert(1)">link</a>`,
  `</textarea><script>alert(1)</script>`,
  `</title><script>alert(1)</script>`,
  `</option></select><img src=x onerror=alert(1)>`,
  `<svg><script>window.__xss=1</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `{{constructor.constructor('alert(1)')()}}`,
  "${alert(1)}`+alert(1)+`",
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<details open ontoggle=alert(1)>`,
  `" autofocus onfocus="alert(1)" x="`,
  `<div hx-get="/" hx-trigger="load" hx-on::before-request="window.__xss=1">htmx</div>`,
  `<button hx-on:click="alert(1)">x</button>`,
  `<!--<img src="--><img src=x onerror=alert(1)//">`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<object data="javascript:alert(1)"></object>`,
  `[click me](javascript:window.__xss=1) ![pic](x" onerror="alert(1))`,
  `<http://a?'"><script>alert(1)</script>> [a](&#106;avascript:alert(1))`,
  `<base href="javascript:alert(1)//"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<form><button formaction=javascript:alert(1)>go</button></form>`,
  `<style>*{background:url("javascript:alert(1)")}</style><link rel=stylesheet href=//evil.example/x.css>`,
];

export default defineApp((st) => {
  const corpus = XSS_CORPUS;
  st.setPageConfig({ pageTitle: corpus[7] });
  st.sessionState.corpus ??= [...corpus];
  st.sessionState.typed ??= [];

  // User input: whatever is typed is echoed through text elements, Markdown, labels and options.
  const typed = st.textInput("Your payload", { key: "typed_input" });
  if (typed) st.sessionState.typed = [...st.sessionState.typed, typed];
  const latest = typed ?? "";
  st.write("Echo: ", latest);
  st.text(`Text echo: ${latest}`);
  st.markdown(latest || "nothing typed");
  st.checkbox(`Echo label ${latest}`, { key: "echo_checkbox", help: latest || "help" });
  st.selectbox("Echo options", ["first", latest || "second"], { key: "echo_select" });
  st.write("Typed so far: ", st.sessionState.typed);

  // Session state shown with st.write.
  st.write(st.sessionState.corpus);

  for (const [i, payload] of corpus.entries()) {
    const next = corpus[(i + 1) % corpus.length];
    const key = (name: string) => `${name}_${i}`;
    st.header(payload, { help: next });
    st.title(payload);
    st.subheader(payload);
    st.caption(payload, { help: next });
    st.text(payload, { help: next });
    st.markdown(payload, { help: next });
    st.write(payload, { nested: payload, list: [payload] });
    st.code(payload, { language: payload });
    st.json({ [payload]: payload });
    st.metric(payload, payload, { delta: payload, help: next });
    st.table([{ [payload]: payload }]);
    st.success(payload);
    st.info(payload);
    st.warning(payload);
    st.error(payload);
    st.exception(new Error(payload));
    st.expander(payload, () => st.write(payload));
    const [tab] = st.tabs([payload, `${i}`]);
    tab.write(payload);
    st.columns(2)[0].write(payload);
    st.button(payload, { key: key("button"), help: next });
    st.checkbox(payload, { key: key("checkbox"), help: next });
    st.toggle(payload, { key: key("toggle"), help: next });
    st.textInput(payload, { key: key("text"), value: payload, placeholder: next, help: next });
    st.textArea(payload, { key: key("area"), value: payload, placeholder: next, help: next });
    st.numberInput(payload, { key: key("number"), placeholder: next, help: next, value: null });
    st.slider(payload, { key: key("slider"), help: next });
    st.selectbox(payload, [payload, next], { key: key("select"), help: next, placeholder: next, index: null });
    st.multiselect(payload, [payload, next], { key: key("multi"), help: next, placeholder: next });
    st.radio(payload, [payload, next], { key: key("radio"), help: next, captions: [next, payload] });
    st.selectSlider(payload, [payload, next], { key: key("select_slider"), help: next });
    st.dateInput(payload, { key: key("date"), help: next });
    st.timeInput(payload, { key: key("time"), help: next });
    st.colorPicker(payload, { key: key("color"), help: next });
    st.form(key("form"), () => {
      st.textInput(payload, { key: key("form_text"), placeholder: next });
      st.formSubmitButton(payload, { help: next });
    });
  }
  st.write("End of corpus");
});

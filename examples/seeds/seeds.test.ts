import { describe, expect, it } from "vitest";
import { AppTest } from "../../src/testing/app-test";
import counter from "./counter";
import counterCallbacks from "./counter-callbacks";
import form from "./form";
import rerun from "./rerun";
import rerunCallback from "./rerun-callback";
import rerunContainer from "./rerun-container";

const texts = (at: AppTest) => at.markdown.values as string[];

describe("seed: form", () => {
  it("sends nothing until Submit, then shows the submitted values", async () => {
    const at = await AppTest.fromApp(form).run();
    expect(texts(at)).toEqual(["Inside the form", "Outside the form"]);
    at.slider[0].setValue(42);
    at.checkbox[0].check();
    await at.run();
    // Edits are pending in the browser: the script still sees the defaults.
    expect(texts(at)).toEqual(["Inside the form", "Outside the form"]);
    expect(at.slider[0].node.widget!.value).toBe(0);
    at.formSubmitButton[0].click();
    await at.run();
    expect(texts(at)).toContain("slider `42` checkbox `true`");
    expect(at.slider[0].value).toBe(42);
    await at.run();
    expect(texts(at)).not.toContain("slider `42` checkbox `true`");
    expect(at.slider[0].value).toBe(42);
  });
});

describe("seed: session-state counter", () => {
  it("increments and decrements", async () => {
    const at = await AppTest.fromApp(counter).run();
    expect(at.title.values).toEqual(["Counter Example"]);
    expect(texts(at)).toContain("Count =  `0`");
    at.button[0].click();
    await at.run();
    expect(texts(at)).toContain("Count =  `1`");
    at.button[0].click();
    at.button[0].click();
    await at.run();
    expect(texts(at)).toContain("Count =  `3`");
    at.button[1].click();
    await at.run();
    expect(texts(at)).toContain("Count =  `2`");
    expect(at.sessionState.count).toBe(2);
  });
});

describe("seed: counter with callbacks", () => {
  it("adds the number input's value captured when the button was drawn (R59)", async () => {
    const at = await AppTest.fromApp(counterCallbacks).run();
    at.numberInput[0].setValue(5);
    await at.run();
    at.button[0].click();
    await at.run();
    expect(texts(at)).toContain("Count =  `5`");
    at.button[1].click();
    await at.run();
    expect(texts(at)).toContain("Count =  `0`");
  });
});

describe("seed: three ways to update a header", () => {
  it("st.rerun: the header shows Foo in the same event", async () => {
    const at = await AppTest.fromApp(rerun).run();
    expect(at.header.values).toEqual(["Title"]);
    at.button[0].click();
    await at.run();
    expect(at.header.values).toEqual(["Foo"]);
    expect(at.lastRun.runs).toBe(2);
  });

  it("a callback: the header shows Bar after one click", async () => {
    const at = await AppTest.fromApp(rerunCallback).run();
    at.button[0].click();
    await at.run();
    expect(at.header.values).toEqual(["Bar"]);
    expect(at.lastRun.runs).toBe(1);
  });

  it("a container: the header drawn above the button shows Baz", async () => {
    const at = await AppTest.fromApp(rerunContainer).run();
    expect(at.header.values).toEqual(["Title"]);
    at.button[0].click();
    await at.run();
    expect(at.header.values).toEqual(["Baz"]);
    const main = at.lastRun.roots[0].children;
    expect(main[0].type).toBe("container");
    expect(main[1].type).toBe("button");
  });
});

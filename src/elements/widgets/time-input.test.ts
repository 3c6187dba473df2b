import { afterEach, describe, expect, it, vi } from "vitest";
import { timeInputCodec } from "./time-input";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

const p = (over = {}) => ({ step: 900, nullable: false, ...over });

afterEach(() => void vi.useRealTimers());

describe("timeInput codec", () => {
  it("accepts HH:MM (and zero seconds, which browsers may add)", () => {
    expect(timeInputCodec.parse("09:30", p())).toBe("09:30");
    expect(timeInputCodec.parse("09:30:00", p())).toBe("09:30");
    expectRoundTrip(timeInputCodec, p(), "23:59");
    expectRoundTrip(timeInputCodec, p({ nullable: true }), null);
  });

  it("rejects other times and emptiness unless nullable", () => {
    for (const raw of ["24:00", "9:30", "09:60", "09:30:15", "noon"]) expectRejects(timeInputCodec, p(), raw, /Expected a time/);
    expectRejects(timeInputCodec, p(), "", /cannot be empty/);
    expect(timeInputCodec.parse("", p({ nullable: true }))).toBeNull();
  });
});

describe("timeInput through the engine", () => {
  it('R30: defaults to "now" in UTC, to the minute', async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-31T10:07:45Z"));
    const app = await mount((st) => st.timeInput("Alarm"));
    expect(app.value()).toBe("10:07");
    expect(await app.send("06:45")).toBe("06:45");
    expect(await app.reject("6:45")).toMatch(/Expected a time/);
  });

  it("R31: a step outside 60 seconds to 23 hours and a bad value raise", async () => {
    expect(errorsOf((await mount((st) => st.timeInput("x", { step: 30 }))).out)[0].message).toBe(
      "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds.",
    );
    expect(errorsOf((await mount((st) => st.timeInput("x", { value: "25:00" }))).out)[0].message).toMatch(/^The time "25:00" is not valid/);
  });

  it("R19: step stays in a keyed time input's identity", async () => {
    let step = 900;
    const app = await mount((st) => st.timeInput("x", { key: "t", value: "08:00", step }));
    await app.send("09:15");
    step = 1800;
    expect(await app.rerun()).toBe("08:00");
  });
});

describe("timeInput render", () => {
  it("is a labelled native time input; the step attribute only when the value is on its grid", async () => {
    const on = await mount((st) => st.timeInput("At", { value: "09:15" }));
    expect(on.render()).toContain(`<input type="time" id="${on.id()}-control" name="${on.id()}" value="09:15" step="900" required>`);
    const off = await mount((st) => st.timeInput("At", { value: "09:07" }));
    expect(off.render()).toContain('value="09:07" required>');
  });

  it("escapes hostile labels and help", async () => {
    for (const bad of HOSTILE) expect(isInert((await mount((st) => st.timeInput(bad, { value: null, help: bad }))).render())).toBe(true);
  });
});

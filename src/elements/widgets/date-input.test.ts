import { afterEach, describe, expect, it, vi } from "vitest";
import { dateInputCodec, isIsoDate } from "./date-input";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

const p = (over = {}) => ({ min: null, max: null, nullable: false, format: "YYYY/MM/DD", ...over });

afterEach(() => void vi.useRealTimers());

describe("dateInput codec", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
    expectRoundTrip(dateInputCodec, p(), "2024-05-31");
    expectRoundTrip(dateInputCodec, p({ nullable: true }), null);
  });

  it("rejects non-dates, out-of-range dates, and emptiness unless nullable", () => {
    expectRejects(dateInputCodec, p(), "31/05/2024", /Expected a date/);
    expectRejects(dateInputCodec, p(), "2023-02-29", /Expected a date/);
    expectRejects(dateInputCodec, p({ min: "2024-01-01", max: "2024-12-31" }), "2025-01-01", /from 2024-01-01 to 2024-12-31/);
    expectRejects(dateInputCodec, p(), "", /cannot be empty/);
    expectRejects(dateInputCodec, p(), ["2024-01-01", "2024-01-02"], /2 values/);
    expect(dateInputCodec.parse("", p({ nullable: true }))).toBeNull();
  });
});

describe("dateInput through the engine", () => {
  it('R30: defaults to "today" in UTC as an ISO string', async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-31T23:30:00-05:00"));
    const app = await mount((st) => st.dateInput("When"));
    expect(app.value()).toBe("2024-06-01");
    expect(await app.send("2024-07-04")).toBe("2024-07-04");
    expect(await app.reject("2024-02-30")).toMatch(/Expected a date/);
  });

  it('R18: "today" is identity as written, so a keyless widget keeps its value past midnight', async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-31T12:00:00Z"));
    const app = await mount((st) => st.dateInput("When"));
    await app.send("2024-01-01");
    vi.setSystemTime(new Date("2024-06-01T12:00:00Z"));
    expect(await app.rerun()).toBe("2024-01-01");
  });

  it("accepts Date values (their UTC day) and null", async () => {
    expect((await mount((st) => st.dateInput("x", { value: new Date(Date.UTC(2020, 1, 29)) }))).value()).toBe("2020-02-29");
    const app = await mount((st) => st.dateInput("x", { value: null }));
    expect(app.value()).toBeNull();
    expect(await app.send("2020-01-01")).toBe("2020-01-01");
  });

  it("R31: invalid dates, a bad format and a value below min raise", async () => {
    expect(errorsOf((await mount((st) => st.dateInput("x", { value: "2024-02-30" }))).out)[0].message).toMatch(/^`value` "2024-02-30" is not a valid date/);
    expect(errorsOf((await mount((st) => st.dateInput("x", { value: "2024-01-01", format: "YY-MM-DD" }))).out)[0].message).toMatch(
      /^The provided format \(`YY-MM-DD`\) is not valid/,
    );
    expect(errorsOf((await mount((st) => st.dateInput("x", { value: "2024-01-01", minValue: "2024-02-01" }))).out)).toEqual([
      { name: "StreamlitValueBelowMinError", message: "The `value` 2024-01-01 is less than the `minValue` 2024-02-01." },
    ]);
  });

  it("R19: min/max stay in a keyed date's identity", async () => {
    let min = "2024-01-01";
    const app = await mount((st) => st.dateInput("x", { key: "d", value: "2024-06-01", minValue: min }));
    const id = app.id();
    await app.send("2024-03-03");
    min = "2024-02-01";
    expect(await app.rerun()).toBe("2024-06-01");
    expect(app.id()).not.toBe(id);
  });

  it("D10/R51: a date assigned through session state outside the bounds raises", async () => {
    const app = await mount((st) => {
      st.sessionState.d = "2030-01-01";
      return st.dateInput("x", { key: "d", value: "2024-06-01", maxValue: "2024-12-31" });
    });
    expect(errorsOf(app.out)[0].name).toBe("StreamlitValueAboveMaxError");
  });
});

describe("dateInput render", () => {
  it("is a labelled native date input with the server's value and bounds", async () => {
    const app = await mount((st) => st.dateInput("When", { value: "2024-05-31", minValue: "2024-01-01", maxValue: "2024-12-31" }));
    const id = app.id();
    const out = app.render();
    expect(out).toContain(`<label for="${id}-control" class="el-label">When</label>`);
    expect(out).toContain(`<input type="date" id="${id}-control" name="${id}" value="2024-05-31" min="2024-01-01" max="2024-12-31" required>`);
    expect(out).toContain('hx-trigger="change"');
  });

  it("escapes hostile labels and help", async () => {
    for (const bad of HOSTILE) expect(isInert((await mount((st) => st.dateInput(bad, { value: null, help: bad }))).render())).toBe(true);
  });
});

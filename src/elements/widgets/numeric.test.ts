import { describe, expect, it } from "vitest";
import { allIntegers, isFloatFormat, isNumberFormat, onStep, printf } from "./numeric";

describe("printf", () => {
  it("formats like Python's % operator", () => {
    expect(printf("%d", 42.9)).toBe("42");
    expect(printf("%d", -0.5)).toBe("0");
    expect(printf("%0.2f", 3.14159)).toBe("3.14");
    expect(printf("%.1f%%", 12.34)).toBe("12.3%");
    expect(printf("%5d|", 42)).toBe("   42|");
    expect(printf("%-5d|", 42)).toBe("42   |");
    expect(printf("%05.1f", -2.5)).toBe("-02.5");
    expect(printf("%+d", 3)).toBe("+3");
    expect(printf("%e", 12345)).toBe("1.234500e+04");
    expect(printf("%.2E", 0.000123)).toBe("1.23E-04");
    expect(printf("%g", 0.5)).toBe("0.5");
    expect(printf("%g", 1234567)).toBe("1.23457e+06");
    expect(printf("%g", 100)).toBe("100");
    expect(printf("$%,d", 5)).toBe("$%,d");
  });

  it("knows which formats it can apply and which show fractions", () => {
    expect(isNumberFormat("%d apples")).toBe(true);
    expect(isNumberFormat("%.1f%%")).toBe(true);
    expect(isNumberFormat("%z")).toBe(false);
    expect(isNumberFormat("100%")).toBe(false);
    expect(isFloatFormat("%0.2f")).toBe(true);
    expect(isFloatFormat("%d")).toBe(false);
    expect(isFloatFormat(undefined)).toBe(false);
  });
});

describe("number helpers", () => {
  it("R30: integer iff every given number is an integer", () => {
    expect(allIntegers([1, undefined, null, 3])).toBe(true);
    expect(allIntegers([1, 0.5])).toBe(false);
  });

  it("checks step grids within float noise", () => {
    expect(onStep(0.3, 0, 0.1)).toBe(true);
    expect(onStep(0.35, 0, 0.1)).toBe(false);
    expect(onStep(7, 2, 5)).toBe(true);
  });
});

import { DEFAULT_TOLERANCE, formatTolerance, readTolerance } from "../../src/core/tolerance";

describe("the tolerance", () => {
  test.each([
    [0.05, 0.05],
    [0, 0],
    [0.99, 0.99],
    ["0,1", 0.1],
    ["0.1", 0.1],
    ["10%", 0.1],
    [" 12,5 % ", 0.125],
    ["0%", 0],
  ])("reads %p as %p", (input, value) => {
    expect(readTolerance(input)).toEqual({ ok: true, value });
  });

  test.each([
    [""],
    ["abc"],
    ["0x0"],
    ["1e-1"],
    [-0.1],
    ["-0,1"],
    [1],
    [1.5],
    ["100%"],
    [Number.NaN],
    [true],
    [null],
    ["5‰"],
  ])("refuses %p with a Vietnamese message naming it", (input) => {
    const r = readTolerance(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Dung sai .*từ 0% đến 99%/u);
  });

  test("a field in percent reads a bare number as a percentage", () => {
    expect(readTolerance("5", { percent: true })).toEqual({ ok: true, value: 0.05 });
    expect(readTolerance("7,5%", { percent: true })).toEqual({ ok: true, value: 0.075 });
    expect(readTolerance("100", { percent: true }).ok).toBe(false);
  });

  test("defaults to 5% and prints as people write it", () => {
    expect(DEFAULT_TOLERANCE).toBe(0.05);
    expect(formatTolerance(0.125)).toBe("12,5%");
    expect(formatTolerance(0.07)).toBe("7%");
  });
});

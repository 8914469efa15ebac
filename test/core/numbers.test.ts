import fc from "fast-check";
import { formatVietnameseNumber, parseNumberToken, parseVietnameseNumber, round15 } from "../../src/core/numbers";

describe("Vietnamese numbers", () => {
  test.each([
    ["27.625", 27625],
    ["4.909", 4909],
    ["0,6", 0.6],
    ["23,5", 23.5],
    ["01", 1],
    ["04", 4],
    ["1.234.567,89", 1234567.89],
    ["1.234.567", 1234567],
    ["100", 100],
    // Documented rule: a dot not followed by groups of three digits is a decimal point.
    ["1.5", 1.5],
    ["6.25", 6.25],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumberToken(text)).toBe(value);
  });

  test.each(["1,2,3", "1.23.4", "12.34.567", "abc", "", "1,", ",5"])("rejects %j", (text) => {
    expect(parseNumberToken(text)).toBeNull();
  });

  test.each([
    ["99,5%", 99.5, "%"],
    ["11‰", 11, "‰"],
    [" 0,6 % ", 0.6, "%"],
    ["-1,5", -1.5, ""],
    ["−2", -2, ""],
    ["27.625", 27625, ""],
  ])("reads whole text %j", (text, value, sign) => {
    expect(parseVietnameseNumber(text)).toEqual({ value, sign });
  });

  test.each(["12 ha", "trên 5", "5%%", "1.2.3"])("whole text %j is not one number", (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });

  test.each([
    [27625, "27.625"],
    [0.6, "0,6"],
    [1234567.89, "1.234.567,89"],
    [100, "100"],
    [-1.5, "-1,5"],
    [0.1 + 0.2, "0,3"],
  ])("writes %d as %s", (value, text) => {
    expect(formatVietnameseNumber(value)).toBe(text);
  });

  test("round15 removes binary noise but keeps real differences", () => {
    expect(round15(0.006 * 100)).toBe(0.6);
    expect(round15(0.1 + 0.2)).toBe(0.3);
    expect(round15(0.6000001)).not.toBe(0.6);
  });

  test("writing then reading gives the number back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (n, decimals) => {
        const x = n / 10 ** decimals;
        const text = formatVietnameseNumber(x);
        const back = parseVietnameseNumber(text);
        expect(back?.value).toBe(x);
      }),
    );
  });
});

describe("one rounding for numbers in words (issue 20)", () => {
  test.each<[number, number, string]>([
    [80.35, 1, "80,4"], // binary toFixed(1) gives 80,3
    [0.8035 * 100, 1, "80,4"],
    [1.005, 2, "1,01"],
    [-31.25, 1, "-31,3"],
    [-0.04, 1, "0"],
    [99.95, 1, "100"],
    [1234567890123, 0, "1.234.567.890.123"],
    [1234567890123.456, 6, "1.234.567.890.123,46"], // 15 significant digits, as a spreadsheet holds it
    [123456789012345680000, 0, "123.456.789.012.346.000.000"],
  ])("%p to %p decimals → %p", (x, d, text) => expect(formatVietnameseNumber(x, d)).toBe(text));

  test("half away from zero in decimal, against exact integer arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        // n thousandths rounded to hundredths: the exact answer from integers.
        const q = Math.trunc(Math.abs(n) / 10) + (Math.abs(n) % 10 >= 5 ? 1 : 0);
        const want = `${n < 0 && q !== 0 ? "-" : ""}${Math.trunc(q / 100)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/gu, ".")}${
          q % 100 === 0
            ? ""
            : `,${String(q % 100)
                .padStart(2, "0")
                .replace(/0$/u, "")}`
        }`;
        expect(formatVietnameseNumber(n / 1000, 2)).toBe(want);
      }),
    );
  });
});

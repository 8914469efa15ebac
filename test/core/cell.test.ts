import { DATE_FORMATS, FIGURE_FORMATS, cellJunk, isDateFormat } from "../../src/core/cell";

describe("the formats a figure cell may have (one list, core/cell.ts)", () => {
  test.each(FIGURE_FORMATS.map((f) => [f]))("a number in %s is a figure, never a date", (f) => {
    expect(isDateFormat(f)).toBe(false);
    expect(cellJunk(1234.5, f)).toBeNull();
    expect(cellJunk(0, f)).toBeNull();
  });
  test.each(DATE_FORMATS.map((f) => [f]))("a number in %s is a date", (f) => {
    expect(isDateFormat(f)).toBe(true);
    expect(cellJunk(45000, f)).toBe("date");
  });
});

import fc from "fast-check";
import { checkFigure } from "../../src/core/judge";
import { MEASURES, fromExcel, limitsOf, measureKind, measureOf, toExcel } from "../../src/core/measure";
import type { TargetSpec } from "../../src/core/model";

const spec = (unit: string, target: TargetSpec["target"] = { op: "gte", value: 1 }, targetText?: string) => ({
  unit,
  target,
  ...(targetText ? { targetText } : {}),
});

describe("the figure check table", () => {
  test.each([
    ["%", undefined, "percent"],
    ["% so với năm trước", undefined, "percentChange"],
    ["%/năm", undefined, "percentChange"],
    ["% dự toán", undefined, "percentOfPlan"],
    ["‰", undefined, "permille"],
    ["triệu đồng", undefined, "money"],
    ["triệu đồng", "tăng 500 triệu đồng", "moneyChange"],
    ["ha", undefined, "measure"],
    ["triệu đồng/năm", undefined, "money"],
    ["km", "tăng 3 km", "measureChange"],
    ["đảng viên", undefined, "count"],
    ["cơ sở", "tăng 16 cơ sở", "countChange"],
    ["", undefined, "number"],
  ])("unit %p (phrase %p) takes a %s figure", (unit, text, kind) => {
    expect(measureKind(spec(unit, { op: "gte", value: 1 }, text))).toBe(kind);
  });

  test("rank, rating and qualitative kinds come from the target's shape, whatever the unit", () => {
    expect(measureKind(spec("%", { op: "rank", value: 5 }))).toBe("rank");
    expect(measureKind(spec("", { op: "rating", level: "Hoàn thành nhiệm vụ" }))).toBe("rating");
    expect(measureKind(spec("", { op: "qualitative" }))).toBe("qualitative");
  });

  test("an N/M total is the count's maximum", () => {
    expect(measureOf(spec("tổ dân phố", { op: "gte", value: 7, of: 7 })).max).toBe(7);
    expect(measureOf(spec("tổ dân phố", { op: "gte", value: 7 })).max).toBeNull();
  });

  test("each limit's words are the core's reason, and every kind has a prompt", () => {
    for (const row of Object.values(MEASURES)) expect(row.prompt).not.toBe("");
    const m = measureOf(spec("%"));
    expect(limitsOf(m).map((l) => l.kind)).toEqual(["number", "min", "max"]);
    const reason = (unit: string, target: TargetSpec["target"], a: number | string) => {
      const c = checkFigure(spec(unit, target), a);
      return c.ok ? null : c.reason;
    };
    const msg = (unit: string, target: TargetSpec["target"], k: string) =>
      limitsOf(measureOf(spec(unit, target))).find((l) => l.kind === k)!.message;
    expect(reason("%", { op: "gte", value: 1 }, 150)).toBe(`${msg("%", { op: "gte", value: 1 }, "max")}, đang là 150%`);
    expect(reason("thứ hạng", { op: "rank", value: 5 }, 2.5)).toBe(
      `${msg("thứ hạng", { op: "rank", value: 5 }, "integer")}, đang là 2,5`,
    );
    expect(reason("", { op: "qualitative" }, "có")).toBe(`${msg("", { op: "qualitative" }, "words")}; đang là "có"`);
  });

  test("a figure as written survives the trip to Excel and back, for every kind", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("%", "% dự toán", "‰", "triệu đồng", "ha", "người", ""),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (unit, n, places) => {
          const figure = n / 10 ** places;
          const m = measureOf(spec(unit));
          expect(fromExcel(toExcel(figure, m), m)).toBe(figure);
        },
      ),
    );
  });
});

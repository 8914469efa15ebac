import fc from "fast-check";
import { judge } from "../../src/core/judge";
import { RATING_LEVELS, type Status, type Target } from "../../src/core/model";
import { STATUS_RULES, TARGET_OPS, applyRule } from "../../src/core/rules";

/** semantics.md section 2, written out independently of the rule table, for numbers. */
function expected(t: Target, a: number, tol: number): Status {
  switch (t.op) {
    case "gte":
      return a > t.value ? "Vượt" : a === t.value ? "Đạt" : a >= t.value * (1 - tol) ? "Cơ bản đạt" : "Không đạt";
    case "gt":
      return a > t.value ? "Đạt" : a >= t.value * (1 - tol) ? "Cơ bản đạt" : "Không đạt";
    case "lte":
      return a < t.value ? "Vượt" : a === t.value ? "Đạt" : a <= t.value * (1 + tol) ? "Cơ bản đạt" : "Không đạt";
    case "lt":
      return a < t.value ? "Đạt" : a <= t.value * (1 + tol) ? "Cơ bản đạt" : "Không đạt";
    case "range":
      return a > t.max ? "Vượt" : a >= t.min ? "Đạt" : a >= t.min * (1 - tol) ? "Cơ bản đạt" : "Không đạt";
    case "rank":
      return a < t.value ? "Vượt" : a === t.value ? "Đạt" : "Không đạt";
    default:
      throw new Error("numbers only");
  }
}

describe("the status rule table", () => {
  test("each kind has a unique sheet label", () => {
    const labels = TARGET_OPS.map((op) => STATUS_RULES[op].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test("gt, lt and qualitative are never Vượt; rank, rating and qualitative never Cơ bản đạt", () => {
    for (const op of ["gt", "lt", "qualitative"] as const) expect(STATUS_RULES[op].exceeds).toBeNull();
    for (const op of ["rank", "rating", "qualitative"] as const) expect(STATUS_RULES[op].nearMiss).toBeNull();
    for (const op of ["rank", "rating", "qualitative"] as const) expect(STATUS_RULES[op].ratio).toBeNull();
  });

  test("judge() walking the table gives section 2's status for any whole figure and target", () => {
    // Whole numbers and tolerances in tenths keep the independent version free of rounding questions.
    const targets = fc.oneof(
      fc
        .record({ op: fc.constantFrom("gte", "gt", "lte", "lt" as const), value: fc.integer({ min: 1, max: 1000 }) })
        .map((t) => t as Target),
      fc
        .tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }))
        .map(([min, d]) => ({ op: "range", min, max: min + d }) as Target),
      fc.integer({ min: 1, max: 50 }).map((value) => ({ op: "rank", value }) as Target),
    );
    fc.assert(
      fc.property(targets, fc.integer({ min: 1, max: 2000 }), fc.constantFrom(0, 0.1, 0.2, 0.5), (t, a, tol) => {
        const unit = t.op === "rank" ? "thứ hạng" : "người";
        expect(judge({ target: t, unit }, a, tol).status).toBe(expected(t, a, tol));
      }),
    );
  });

  test("ratings compare by level, best first; a qualitative target is met only by Đạt", () => {
    RATING_LEVELS.forEach((want, w) =>
      RATING_LEVELS.forEach((have, h) => {
        const status = judge({ target: { op: "rating", level: want }, unit: "" }, have).status;
        expect(status).toBe(h < w ? "Vượt" : h === w ? "Đạt" : "Không đạt");
      }),
    );
    expect(judge({ target: { op: "qualitative" }, unit: "" }, "Đạt").status).toBe("Đạt");
    expect(judge({ target: { op: "qualitative" }, unit: "" }, "Không đạt").status).toBe("Không đạt");
  });

  test("applyRule uses the stretch goal only where the rule says so", () => {
    const cmp = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1) as -1 | 0 | 1;
    expect(applyRule(STATUS_RULES.range, 6, 3, 5, 0.05, cmp)).toBe("Vượt");
    expect(applyRule(STATUS_RULES.range, 5, 3, 5, 0.05, cmp)).toBe("Đạt");
    expect(applyRule(STATUS_RULES.gte, 4, 3, null, 0.05, cmp)).toBe("Vượt");
  });
});

import fc from "fast-check";
import { checkFigure, compare, judge, judgeCell, textFigureValue } from "../../src/core/judge";
import { DEFAULT_TOLERANCE } from "../../src/core/tolerance";
import { RATING_LEVELS, STATUSES, type Indicator, type Status, type Target } from "../../src/core/model";

const ind = (target: Target, unit = "%"): Pick<Indicator, "target" | "unit"> => ({ target, unit });
const status = (target: Target, a: number | string | null, unit = "%", t = DEFAULT_TOLERANCE) =>
  judge(ind(target, unit), a, t).status;

describe("statuses at and around each boundary (tolerance 5%)", () => {
  test.each<[Target, number, Status]>([
    // gte 100: above → Vượt, equal → Đạt, within 5% → Cơ bản đạt, below → Không đạt
    [{ op: "gte", value: 90 }, 90.1, "Vượt"],
    [{ op: "gte", value: 90 }, 90, "Đạt"],
    [{ op: "gte", value: 90 }, 89.9, "Cơ bản đạt"],
    [{ op: "gte", value: 90 }, 85.5, "Cơ bản đạt"],
    [{ op: "gte", value: 90 }, 85.4, "Không đạt"],
    [{ op: "gt", value: 99 }, 99.1, "Đạt"],
    [{ op: "gt", value: 99 }, 100, "Đạt"],
    [{ op: "gt", value: 99 }, 99, "Cơ bản đạt"],
    [{ op: "gt", value: 99 }, 94.05, "Cơ bản đạt"],
    [{ op: "gt", value: 99 }, 94, "Không đạt"],
    [{ op: "lte", value: 0.6 }, 0.5, "Vượt"],
    [{ op: "lte", value: 0.6 }, 0.6, "Đạt"],
    [{ op: "lte", value: 0.6 }, 0.63, "Cơ bản đạt"],
    [{ op: "lte", value: 0.6 }, 0.64, "Không đạt"],
    [{ op: "lt", value: 15 }, 14.9, "Đạt"],
    [{ op: "lt", value: 15 }, 15, "Cơ bản đạt"],
    [{ op: "lt", value: 15 }, 15.75, "Cơ bản đạt"],
    [{ op: "lt", value: 15 }, 15.76, "Không đạt"],
    [{ op: "range", min: 3, max: 5 }, 6, "Vượt"],
    [{ op: "range", min: 3, max: 5 }, 5, "Đạt"],
    [{ op: "range", min: 3, max: 5 }, 3, "Đạt"],
    [{ op: "range", min: 20, max: 25 }, 19, "Cơ bản đạt"],
    [{ op: "range", min: 20, max: 25 }, 18, "Không đạt"],
    [{ op: "range", min: 3, max: 5 }, 2, "Không đạt"],
    [{ op: "rank", value: 5 }, 4, "Vượt"],
    [{ op: "rank", value: 5 }, 5, "Đạt"],
    [{ op: "rank", value: 5 }, 6, "Không đạt"],
    [{ op: "gte", value: 0 }, 0, "Đạt"],
    [{ op: "lte", value: 0 }, 1, "Không đạt"],
  ])("%j with %d → %s", (target, a, expected) => {
    expect(status(target, a, target.op === "rank" ? "thứ hạng" : target.op === "range" ? "người" : "%")).toBe(expected);
  });

  test("a rank is never 'Cơ bản đạt', whatever the tolerance", () => {
    expect(status({ op: "rank", value: 5 }, 6, "thứ hạng", 0.5)).toBe("Không đạt");
  });

  test("ratings compare by level", () => {
    const t: Target = { op: "rating", level: "Hoàn thành tốt nhiệm vụ" };
    expect(status(t, "Hoàn thành xuất sắc nhiệm vụ", "")).toBe("Vượt");
    expect(status(t, "Hoàn thành tốt nhiệm vụ", "")).toBe("Đạt");
    expect(status(t, "hoàn thành tốt nhiệm vụ", "")).toBe("Đạt");
    expect(status(t, "Hoàn thành nhiệm vụ", "")).toBe("Không đạt");
    expect(status(t, "Không hoàn thành nhiệm vụ", "")).toBe("Không đạt");
  });

  test("qualitative: only 'Đạt' is met; never 'Vượt'", () => {
    const t: Target = { op: "qualitative" };
    expect(status(t, "Đạt", "")).toBe("Đạt");
    expect(status(t, "đạt", "")).toBe("Đạt");
    expect(status(t, "Không đạt", "")).toBe("Không đạt");
  });

  test("blank is 'Chưa có số liệu'", () => {
    for (const a of [null, "", "  "]) expect(status({ op: "gte", value: 1 }, a)).toBe("Chưa có số liệu");
  });

  test("the tolerance is a setting", () => {
    expect(status({ op: "gte", value: 100 }, 91, "%", 0.1)).toBe("Cơ bản đạt");
    expect(status({ op: "gte", value: 100 }, 91, "%", 0.05)).toBe("Không đạt");
    expect(status({ op: "gte", value: 100 }, 99.99, "%", 0)).toBe("Không đạt");
  });
});

describe("figures that are wrong, not just off target (semantics §5)", () => {
  test.each<[Target, string, unknown, RegExp]>([
    [{ op: "gte", value: 90 }, "%", "abc", /cần một con số/u],
    [{ op: "gte", value: 90 }, "%", 150, /không được lớn hơn 100%/u],
    [{ op: "gte", value: 90 }, "%", -1, /không được nhỏ hơn 0%/u],
    [{ op: "lte", value: 11 }, "‰", 1001, /1\.000‰/u],
    [{ op: "range", min: 3, max: 5 }, "đảng viên", 2.5, /số nguyên/u],
    [{ op: "range", min: 3, max: 5 }, "đảng viên", -1, /nhỏ hơn 0/u],
    [{ op: "rank", value: 5 }, "thứ hạng", 0, /nhỏ hơn 1/u],
    [{ op: "rank", value: 5 }, "thứ hạng", 2.5, /thứ hạng phải là số nguyên/u],
    [{ op: "gte", value: 27625 }, "triệu đồng", -5, /nhỏ hơn 0/u],
    [{ op: "gte", value: 7, of: 7 }, "tổ dân phố", 8, /lớn hơn 7/u],
    [{ op: "rating", level: "Hoàn thành tốt nhiệm vụ" }, "", "Tốt", /Hoàn thành tốt nhiệm vụ/u],
    [{ op: "qualitative" }, "", "Có", /"Đạt", "Không đạt"/u],
    [{ op: "qualitative" }, "", 1, /"Đạt"/u],
    [{ op: "gte", value: 1 }, "%", true, /cần một con số/u],
  ])("%j %s: %j is rejected", (target, unit, a, message) => {
    const c = checkFigure(ind(target, unit), a as never);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toMatch(message);
  });

  test("a rejected figure never turns a status to 'Đạt'", () => {
    const j = judge(ind({ op: "gte", value: 90 }), 150);
    expect(j.status).toBe("Chưa có số liệu");
    expect(j.error).toBeDefined();
  });

  test("changes may be negative", () => {
    expect(checkFigure(ind({ op: "gte", value: 10 }, "% so với năm trước"), -3).ok).toBe(true);
    expect(status({ op: "gte", value: 10 }, -3, "% so với năm trước")).toBe("Không đạt");
  });
});

describe("completion ratio", () => {
  test.each<[Target, string, number, number | null]>([
    [{ op: "gte", value: 80 }, "%", 88, 1.1],
    [{ op: "gt", value: 70 }, "triệu đồng/năm", 63, 0.9],
    [{ op: "range", min: 4, max: 5 }, "đảng viên", 6, 1.5],
    // Lower is better too: spending 2.300 of a 4.909 ceiling is 46,9% of it (semantics section 2).
    [{ op: "lte", value: 0.6 }, "%", 0.5, Number((0.5 / 0.6).toPrecision(15))],
    [{ op: "lt", value: 2 }, "%", 4, 2],
    [{ op: "lte", value: 4909 }, "triệu đồng", 2300, Number((2300 / 4909).toPrecision(15))],
    [{ op: "lte", value: 1 }, "%", 0, 0],
    [{ op: "lte", value: 0 }, "%", 0, null],
    [{ op: "gte", value: 0 }, "%", 5, null],
    [{ op: "rank", value: 5 }, "thứ hạng", 3, null],
  ])("%j %s, %d → %p", (target, unit, a, ratio) => {
    expect(judge(ind(target, unit), a).ratio).toBe(ratio);
  });
  test("none for ratings and qualitative", () => {
    expect(judge(ind({ op: "qualitative" }, ""), "Đạt").ratio).toBeNull();
    expect(judge(ind({ op: "rating", level: "Hoàn thành nhiệm vụ" }, ""), "Hoàn thành nhiệm vụ").ratio).toBeNull();
  });
});

describe("floating point", () => {
  test("0,6% typed in Excel (0.006) meets 'không quá 0,6%'", () => {
    const t = ind({ op: "lte", value: 0.6 });
    expect(judgeCell(t, 0.006).status).toBe("Đạt");
    expect(judgeCell(t, 0.0061).status).toBe("Cơ bản đạt");
  });
  test("7% typed in Excel (0.07 × 100 = 7.000000000000001) meets 'không quá 7%' and 'dưới 57%' stays unmet at 57%", () => {
    expect(0.07 * 100).not.toBe(7);
    expect(judgeCell(ind({ op: "lte", value: 7 }), 0.07).status).toBe("Đạt");
    expect(0.57 * 100).not.toBe(57);
    expect(judgeCell(ind({ op: "lt", value: 57 }), 0.57).status).toBe("Cơ bản đạt");
  });
  test("0.1 + 0.2 meets 'đạt 0,3%' exactly", () => {
    expect(status({ op: "gte", value: 0.3 }, 0.1 + 0.2)).toBe("Đạt");
    expect(compare(0.1 + 0.2, 0.3)).toBe(0);
  });
  test("the tolerance boundary survives noise: 95% of 100 is Cơ bản đạt", () => {
    expect(status({ op: "gte", value: 100 }, 95)).toBe("Cơ bản đạt");
    expect(status({ op: "lte", value: 0.7 }, 0.735)).toBe("Cơ bản đạt");
  });
});

describe("properties", () => {
  const comparisonTarget = fc.oneof(
    fc.record({
      op: fc.constantFrom("gte", "gt", "lte", "lt"),
      value: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
    }),
    fc
      .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }))
      .map(([a, b]) => ({ op: "range", min: Math.min(a, b) / 100, max: Math.max(a, b) / 100 })),
  ) as fc.Arbitrary<Target>;
  // Figures as staff type them: up to 4 decimals of a percent.
  const figure = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10000);
  const tolerance = fc.integer({ min: 0, max: 50 }).map((n) => n / 100);

  test("a percent as written in JSON and as an Excel percentage give the same status and ratio", () => {
    fc.assert(
      fc.property(comparisonTarget, figure, tolerance, (target, a, t) => {
        const i = ind(target, "%");
        const written = judge(i, a, t);
        const excel = judgeCell(i, Number((a / 100).toPrecision(15)), t);
        expect(excel.status).toBe(written.status);
        expect(excel.ratio).toBe(written.ratio);
      }),
      { numRuns: 2000 },
    );
  });

  test("status is always one of the five and is consistent with 'met'", () => {
    fc.assert(
      fc.property(comparisonTarget, figure, tolerance, (target, a, t) => {
        const j = judge(ind(target, "%"), a, t);
        expect(STATUSES).toContain(j.status);
        expect(j.met).toBe(j.status === "Vượt" || j.status === "Đạt");
      }),
    );
  });

  test("raising a figure never lowers the status for higher-is-better targets", () => {
    const rankOf = (s: Status) => ["Không đạt", "Cơ bản đạt", "Đạt", "Vượt"].indexOf(s);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), figure, figure, tolerance, (v, a, b, t) => {
        const target: Target = { op: "gte", value: v / 100 };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rankOf(status(target, hi, "%", t))).toBeGreaterThanOrEqual(rankOf(status(target, lo, "%", t)));
      }),
    );
  });

  test("every rating level is judged against every other by order", () => {
    RATING_LEVELS.forEach((want, w) =>
      RATING_LEVELS.forEach((have, h) => {
        const s = status({ op: "rating", level: want }, have, "");
        expect(s).toBe(h < w ? "Vượt" : h === w ? "Đạt" : "Không đạt");
      }),
    );
  });
});

describe("textFigureValue: figures stored as text that read unambiguously as numbers", () => {
  const pct = { unit: "%", target: { op: "gte" as const, value: 90 } };
  const money = { unit: "triệu đồng", target: { op: "gte" as const, value: 27625 } };
  const rating = { unit: "", target: { op: "rating" as const, level: RATING_LEVELS[1] } };
  test.each([
    [pct, "80%", 0.8],
    [pct, "99,5 %", 0.995],
    [pct, "80", 0.8],
    [money, "1.000.000", 1000000],
    [money, "30.387,5", 30387.5],
    [money, "1.234", null],
    [pct, "80‰", null],
    [pct, "abc", null],
    [rating, "1", null],
    [money, 5, null],
  ])("%j %j → %j", (spec, text, value) => expect(textFigureValue(spec, text)).toBe(value));
});

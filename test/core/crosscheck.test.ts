import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { crossChecks, runCrossChecks } from "../../src/core/crosscheck";
import type { Indicator, Resolution } from "../../src/core/model";

describe("cross-checks of the seed (semantics.md section 4)", () => {
  test("finds the shares of II.2 and the budget pair of II.3", () => {
    expect(crossChecks(BUILTIN_RESOLUTION)).toEqual([
      { kind: "sumAtMost100", ids: ["II.2.a", "II.2.b", "II.2.c"] },
      { kind: "notGreater", id: "II.3.b", than: "II.3.a" },
    ]);
  });

  test("warns when the shares exceed 100% or the kept part exceeds the whole, and only then", () => {
    const ok = { "II.2.a": 85, "II.2.b": 13, "II.2.c": 2, "II.3.a": 30000, "II.3.b": 5000 };
    expect(runCrossChecks(BUILTIN_RESOLUTION, ok)).toEqual([]);
    const bad = runCrossChecks(BUILTIN_RESOLUTION, { ...ok, "II.2.a": 85.1, "II.3.b": 30001 });
    expect(bad.map((w) => w.ids)).toEqual([
      ["II.2.a", "II.2.b", "II.2.c"],
      ["II.3.b", "II.3.a"],
    ]);
    expect(bad[0]!.message).toMatch(/100,1%|100\.1%/u);
  });

  test("says nothing while a figure of the check is missing or not a number", () => {
    expect(runCrossChecks(BUILTIN_RESOLUTION, { "II.2.a": 99, "II.2.b": 50, "II.3.b": "abc" })).toEqual([]);
  });
});

describe("cross-checks in a document with parts A and B", () => {
  const share = (id: string, text: string, value: number): Indicator => ({
    id,
    text,
    unit: "%",
    target: { op: "gte", value },
  });
  // Item A.I.1 is the structure of the economy; A.I.2 is another share of the same section.
  const r: Resolution = {
    title: "Nghị quyết",
    organization: "",
    year: 2026,
    sections: [
      {
        id: "A.I",
        title: "KINH TẾ",
        indicators: [
          share("A.I.1.a", "Cơ cấu kinh tế: dịch vụ", 70),
          share("A.I.1.b", "Cơ cấu kinh tế: công nghiệp", 30),
          share("A.I.2", "Tỷ lệ hộ dùng nước sạch", 98),
        ],
      },
      {
        id: "B.I",
        title: "XÃ HỘI",
        indicators: [
          share("B.I.1.a", "Tỷ trọng lao động nông nghiệp", 20),
          share("B.I.1.b", "Tỷ trọng lao động phi nông nghiệp", 80),
        ],
      },
    ],
    warnings: [],
  };

  test("groups the shares by their own item, never by the part's section", () => {
    expect(crossChecks(r)).toEqual([
      { kind: "sumAtMost100", ids: ["A.I.1.a", "A.I.1.b"] },
      { kind: "sumAtMost100", ids: ["B.I.1.a", "B.I.1.b"] },
    ]);
    const figures = { "A.I.1.a": 70, "A.I.1.b": 30, "A.I.2": 98, "B.I.1.a": 20, "B.I.1.b": 80 };
    expect(runCrossChecks(r, figures)).toEqual([]);
  });
});

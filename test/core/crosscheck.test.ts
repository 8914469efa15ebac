import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { crossChecks, runCrossChecks } from "../../src/core/crosscheck";

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

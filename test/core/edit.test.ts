import fc from "fast-check";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import {
  addIndicator,
  deleteIndicator,
  dismissWarning,
  moveIndicator,
  moveToSection,
  nextId,
  renameSection,
  updateIndicator,
} from "../../src/core/edit";
import { ResolutionSchema, allIndicators, type Resolution } from "../../src/core/model";

const ids = (r: Resolution) => allIndicators(r).map((i) => i.id);
const ind = (id: string) => allIndicators(BUILTIN_RESOLUTION).find((i) => i.id === id)!;

describe("corrections to a reading before inserting it", () => {
  test("delete, move up and down, move to another section under a new id, rename a section", () => {
    const a = deleteIndicator(BUILTIN_RESOLUTION, "I.2.b");
    expect(ids(a)).not.toContain("I.2.b");
    expect(ids(a)).toHaveLength(44);
    const b = moveIndicator(BUILTIN_RESOLUTION, "I.2.b", -1);
    expect(b.sections[0]!.indicators.map((i) => i.id).slice(3, 6)).toEqual(["I.2.b", "I.2.a", "I.2.c"]);
    expect(moveIndicator(BUILTIN_RESOLUTION, "I.1.a", -1)).toBe(BUILTIN_RESOLUTION);
    const c = moveToSection(BUILTIN_RESOLUTION, "I.2.b", "II");
    expect(ids(c)).not.toContain("I.2.b");
    expect(c.sections[1]!.indicators.at(-1)).toMatchObject({ id: "II.7", text: ind("I.2.b").text });
    expect(renameSection(BUILTIN_RESOLUTION, "V", "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ").sections[4]!.title).toBe(
      "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ",
    );
  });

  test("an edit the schema refuses comes back as a Vietnamese message", () => {
    expect(updateIndicator(BUILTIN_RESOLUTION, "II.1", { ...ind("II.1"), text: "" })).toBe("thiếu nội dung chỉ tiêu");
    const ok = updateIndicator(BUILTIN_RESOLUTION, "II.1", { ...ind("II.1"), unit: "triệu đồng/người/năm" });
    expect(typeof ok === "object" && allIndicators(ok).find((i) => i.id === "II.1")!.unit).toBe("triệu đồng/người/năm");
  });

  test("a line becomes an indicator with its target read; a line without one is qualitative", () => {
    const { resolution, id } = addIndicator(BUILTIN_RESOLUTION, "II", "Tỷ lệ hộ dùng nước sạch đạt 98% trở lên");
    expect(id).toBe("II.7");
    expect(allIndicators(resolution).find((i) => i.id === id)).toMatchObject({
      unit: "%",
      target: { op: "gte", value: 98 },
    });
    const q = addIndicator(BUILTIN_RESOLUTION, "IV", "Không để xảy ra cháy nổ");
    expect(allIndicators(q.resolution).find((i) => i.id === q.id)).toMatchObject({ target: { op: "qualitative" } });
  });

  test("property: any sequence of corrections keeps ids unique and the resolution valid", () => {
    const op = fc.oneof(fc.record({ kind: fc.constantFrom("delete", "up", "move", "add"), k: fc.nat(), s: fc.nat() }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let r = BUILTIN_RESOLUTION;
        for (const o of ops) {
          const all = ids(r);
          const id = all[o.k % Math.max(1, all.length)];
          const sec = r.sections[o.s % r.sections.length]!.id;
          if (o.kind === "delete" && id && all.length > 1) r = deleteIndicator(r, id);
          if (o.kind === "up" && id) r = moveIndicator(r, id, -1);
          if (o.kind === "move" && id) r = moveToSection(r, id, sec);
          if (o.kind === "add") r = addIndicator(r, sec, "Kết nạp 2 đảng viên").resolution;
        }
        expect(new Set(ids(r)).size).toBe(ids(r).length);
        expect(ResolutionSchema.safeParse(r).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test("a dismissed warning is gone; the next id skips taken ones", () => {
    const r = { ...BUILTIN_RESOLUTION, warnings: [{ line: 12, text: "x", reason: "y" }] };
    expect(dismissWarning(r, 12, "y").warnings).toEqual([]);
    expect(nextId(BUILTIN_RESOLUTION, "III")).toBe("III.9"); // III.1 … III.8 are taken
  });
});

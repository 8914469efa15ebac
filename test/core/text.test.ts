import { parseResolution } from "../../src/core/parser";
import { normalizeText } from "../../src/core/text";
import { reading } from "../helpers/seed";

const PLAIN = [
  "I. XÂY DỰNG ĐẢNG",
  "1. Kết nạp từ 3-5 đảng viên",
  "2. Thu ngân sách đạt 120% dự toán",
  "3. Tỷ lệ hộ nghèo giảm còn 0,5%",
].join("\n");

describe("text as it arrives (semantics.md section 0)", () => {
  test.each([
    ["hyphen U+2010", "\u2010"],
    ["non-breaking hyphen U+2011", "\u2011"],
    ["minus sign U+2212", "\u2212"],
    ["small hyphen-minus U+FE63", "\ufe63"],
    ["full-width hyphen-minus U+FF0D", "\uff0d"],
  ])("a %s in a range reads as '-'", (_, dash) => {
    const text = PLAIN.replace("3-5", `3${dash}5`);
    expect(normalizeText(text)).toBe(PLAIN);
    expect(reading(parseResolution(text))).toEqual(reading(parseResolution(PLAIN)));
  });

  test.each([
    ["vertical tab U+000B", "\u000b"],
    ["form feed U+000C", "\u000c"],
    ["next line U+0085", "\u0085"],
    ["line separator U+2028", "\u2028"],
    ["paragraph separator U+2029", "\u2029"],
  ])("a %s ends a line", (_, br) => {
    const text = PLAIN.replace(/\n/gu, br);
    expect(normalizeText(text)).toBe(PLAIN);
    expect(reading(parseResolution(text))).toEqual(reading(parseResolution(PLAIN)));
  });

  test("full-width digits and punctuation read as ASCII", () => {
    const wide = PLAIN.replace("120%", "\uff11\uff12\uff10\uff05")
      .replace("0,5%", "\uff10\uff0c\uff15%")
      .replace("1.", "\uff11\uff0e");
    expect(normalizeText(wide)).toBe(PLAIN);
    expect(reading(parseResolution(wide))).toEqual(reading(parseResolution(PLAIN)));
  });

  test("what was already plain is unchanged (an en dash stays a dash of its own)", () => {
    expect(normalizeText("Văn hóa – xã hội: 3 - 5")).toBe("Văn hóa – xã hội: 3 - 5");
  });

  test("thousands grouped by a space or a no-break space read as grouped by '.'", () => {
    for (const typed of ["27 625", "27\u00a0625", "27\u202f625"]) {
      const r = parseResolution(`I. KINH TẾ\n1. Thu ngân sách trên địa bàn ${typed} triệu đồng`);
      const [ind] = r.sections[0]!.indicators;
      expect([ind!.text, ind!.target, ind!.unit]).toEqual([
        "Thu ngân sách trên địa bàn",
        { op: "gte", value: 27625 },
        "triệu đồng",
      ]);
    }
    expect(normalizeText("1 250 000 đồng; 27 625,5 tỷ")).toBe("1.250.000 đồng; 27.625,5 tỷ");
    // Not a grouping: a year before a figure, a list number, a range, four digits after the space.
    for (const plain of ["năm 2025 100 hộ", "1. 100% chi bộ", "từ 3 - 5", "12 1234", "giai đoạn 2021 2025"])
      expect(normalizeText(plain)).toBe(plain);
  });
});

import * as path from "path";
import { docxText } from "../../src/core/docx";
import { ResolutionTextError, parseResolution } from "../../src/core/parser";
import { makeDocx, seedParagraphs } from "../helpers/docx";
import { SEED_TEXT, reading } from "../helpers/seed";

describe("resolutions as .docx", () => {
  test("the seed as Word keeps it (numbers in list definitions, text in runs) reads as the plain seed", async () => {
    const text = await docxText(await makeDocx(seedParagraphs(SEED_TEXT)));
    expect(text).toContain("I. CÔNG TÁC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ");
    expect(text).toContain("\n1. 100% Chi bộ duy trì");
    expect(reading(parseResolution(text))).toEqual(reading(parseResolution(SEED_TEXT)));
  });

  test("list numbering restarts per list and entities are decoded", async () => {
    const text = await docxText(
      await makeDocx([
        { text: "KINH TẾ", list: "roman" },
        { text: "Thu ngân sách đạt 120% dự toán", list: "decimal" },
        { text: "Thu nhập bình quân 60 triệu đồng & hơn", list: "decimal" },
        { text: "XÃ HỘI", list: "roman" },
        { text: "Tỷ lệ hộ nghèo dưới 2% <mục tiêu>", list: "decimal", restart: true },
        { text: "Kết nạp 3 đảng viên", list: "bullet" },
      ]),
    );
    expect(text.split("\n")).toEqual([
      "I. KINH TẾ",
      "1. Thu ngân sách đạt 120% dự toán",
      "2. Thu nhập bình quân 60 triệu đồng & hơn",
      "II. XÃ HỘI",
      "1. Tỷ lệ hộ nghèo dưới 2% <mục tiêu>",
      "- Kết nạp 3 đảng viên",
    ]);
  });

  test("chitieu parse takes the .docx as it takes text", async () => {
    const { main } = await import("../../src/cli/main");
    const { tempDir } = await import("../helpers/tools");
    const { writeFileSync } = await import("fs");
    const file = path.join(tempDir("chitieu-docx-"), "nghi-quyet.docx");
    writeFileSync(file, await makeDocx(seedParagraphs(SEED_TEXT)));
    let out = "";
    let err = "";
    const code = await main(["parse", file], {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      stdin: async () => Buffer.from(""),
    });
    expect([code, err]).toEqual([0, ""]);
    expect(reading(JSON.parse(out))).toEqual(reading(parseResolution(SEED_TEXT)));
  });

  test("a file that is not a .docx is refused in Vietnamese", async () => {
    await expect(docxText(new Uint8Array([80, 75, 3, 4, 1, 2, 3]))).rejects.toThrow(ResolutionTextError);
    await expect(docxText(new Uint8Array([80, 75, 3, 4, 1, 2, 3]))).rejects.toThrow(/không mở được/);
  });
});

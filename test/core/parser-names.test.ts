import { parseResolution } from "../../src/core/parser";

const BODY = "\nI. KINH TẾ\n1. Thu ngân sách 27.625 triệu đồng\n2. Tỷ lệ hộ nghèo dưới 1%";

describe("names and titles broken over lines (PDF copies) are joined before they are read", () => {
  test("an organisation's name broken after its first word", () => {
    const r = parseResolution(
      `Đại hội Đảng bộ phường Trần\nPhú lần thứ XIII đã quyết nghị\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2026${BODY}`,
    );
    expect(r.organization).toBe("Đảng bộ phường Trần Phú");
    const upper = parseResolution(`ĐẢNG BỘ PHƯỜNG KHUN\nHÁ\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2026${BODY}`);
    expect(upper.organization).toBe("Phường Khun Há");
  });

  test("a name already whole at the line's end takes nothing from the next line", () => {
    expect(parseResolution(`Đảng bộ phường Trần Phú\nNghị quyết về nhiệm vụ năm 2026${BODY}`).organization).toBe(
      "Đảng bộ phường Trần Phú",
    );
    expect(parseResolution(`ĐẢNG BỘ PHƯỜNG TRẦN\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2026${BODY}`).organization).toBe(
      "Phường Trần",
    );
  });

  test("a title that goes on in lower case on the next lines", () => {
    const r = parseResolution(
      `NGHỊ QUYẾT\nvề phương hướng, nhiệm vụ phát triển kinh tế - xã hội\nnăm 2026 của phường\nI. KINH TẾ\n1. Thu ngân sách 27.625 triệu đồng`,
    );
    expect([r.title, r.year]).toEqual([
      "Nghị quyết về phương hướng, nhiệm vụ phát triển kinh tế - xã hội năm 2026 của phường",
      2026,
    ]);
  });
});

import { parseResolution } from "../../src/core/parser";

/** Each phrasing of issue 25 in words of our own, with the reading the rulebook (semantics.md 1, 1b) asks for. */
const read = (text: string) => {
  const r = parseResolution(text);
  return {
    targets: r.sections.flatMap((s) => s.indicators.map((i) => [i.id, i.text, i.target, i.unit])),
    warnings: r.warnings.map((w) => [w.line, w.reason]),
  };
};

describe("phrasings and layouts of real resolutions", () => {
  test("a group heading with its count in brackets heads the bullets under it and takes no id", () => {
    const r = read(
      "I. KINH TẾ - XÃ HỘI\n* Về kinh tế: (2 chỉ tiêu)\n- Thu ngân sách đạt 110% dự toán\n- Tỷ lệ hộ nghèo dưới 1%\n* Về xã hội (1 chỉ tiêu)\n- Tỷ lệ tham gia bảo hiểm y tế đạt 95%",
    );
    expect(r.targets.map((t) => t[0])).toEqual(["I.1", "I.2", "I.3"]);
    expect(r.targets.map((t) => t[2])).toEqual([
      { op: "gte", value: 110 },
      { op: "lt", value: 1 },
      { op: "gte", value: 95 },
    ]);
  });

  test("a date and time stamp printed by a web page is neither a target nor a warning", () => {
    const r = read("05:13 22/02/2021\nThứ Hai, 22/02/2021 - 05:13\nI. KINH TẾ\n1. Thu ngân sách đạt 110% dự toán");
    expect(r).toEqual({ targets: [["I.1", "Thu ngân sách", { op: "gte", value: 110 }, "% dự toán"]], warnings: [] });
    const prose = read("05:13 22/02/2021\nNăm 2021, phấn đấu thu ngân sách đạt 110% dự toán; tỷ lệ hộ nghèo dưới 1%.");
    expect(prose.targets.map((t) => t[2])).toEqual([
      { op: "gte", value: 110 },
      { op: "lt", value: 1 },
    ]);
  });

  test("a structure in curly quotes: each amount and its share ('chiếm') are targets of their own", () => {
    const r = read(
      "I. KINH TẾ\n1. Cơ cấu giá trị sản xuất: “Nông nghiệp 210 tỷ đồng, chiếm 30,5%; thương mại - dịch vụ 478 tỷ đồng, chiếm 69,5%”",
    );
    expect(r.targets.map((t) => [t[1], t[2], t[3]])).toEqual([
      ["Cơ cấu giá trị sản xuất: Nông nghiệp", { op: "gte", value: 210 }, "tỷ đồng"],
      ["Tỷ trọng nông nghiệp", { op: "gte", value: 30.5 }, "%"],
      ["Cơ cấu giá trị sản xuất: thương mại - dịch vụ", { op: "gte", value: 478 }, "tỷ đồng"],
      ["Tỷ trọng thương mại - dịch vụ", { op: "gte", value: 69.5 }, "%"],
    ]);
    // A quoted name with one figure keeps its marks and its place.
    const named = read("I. VĂN HÓA\n1. Tỷ lệ hộ đạt danh hiệu “Gia đình văn hóa 5 năm liền” từ 60% trở lên");
    expect(named.targets.map((t) => t[2])).toEqual([{ op: "gte", value: 60 }]);
  });

  test("a bracket of named parts after a total is a breakdown; a bracket that restates is not", () => {
    const r = read("I. NÔNG NGHIỆP\n1. Diện tích gieo trồng 650 ha/năm (lúa 560 ha, ngô 60 ha, rau màu 30 ha)");
    expect(r.targets.map((t) => [t[0], t[1], t[2], t[3]])).toEqual([
      ["I.1.a", "Diện tích gieo trồng", { op: "gte", value: 650 }, "ha/năm"],
      ["I.1.b", "Lúa", { op: "gte", value: 560 }, "ha"],
      ["I.1.c", "Ngô", { op: "gte", value: 60 }, "ha"],
      ["I.1.d", "Rau màu", { op: "gte", value: 30 }, "ha"],
    ]);
    const restated = read("I. XÃ HỘI\n1. Số thôn đạt chuẩn văn hóa 80% (8 thôn)");
    expect(restated.targets.map((t) => t[2])).toEqual([{ op: "gte", value: 80 }]);
  });

  test("a merged commune's background (old units, area, population) is not a target list", () => {
    const r = read(
      [
        "Xã Tân Hòa được thành lập trên cơ sở sáp nhập 3 xã, có diện tích tự nhiên 92,4 km², dân số 28.300 người, 1.120 đảng viên.",
        "Đại hội đề ra 3 chỉ tiêu, trong đó: thu ngân sách trên địa bàn đạt 18 tỷ đồng; tỷ lệ hộ nghèo dưới 1,5%; tỷ lệ tham gia bảo hiểm y tế đạt 95%.",
      ].join("\n"),
    );
    expect(r.targets.map((t) => [t[2], t[3]])).toEqual([
      [{ op: "gte", value: 18 }, "tỷ đồng"],
      [{ op: "lt", value: 1.5 }, "%"],
      [{ op: "gte", value: 95 }, "%"],
    ]);
    expect(r.warnings).toEqual([[1, expect.stringContaining("đoạn giới thiệu đơn vị sau sắp xếp")]]);
  });

  test("last year's result in the headline ('23/23 chỉ tiêu đạt và vượt') is not a target, and takes no id", () => {
    const r = read(
      "Năm 2025, phường có 23/23 chỉ tiêu đạt và vượt kế hoạch.\nNăm 2026, phấn đấu thu ngân sách đạt 32 tỷ đồng; tỷ lệ hộ nghèo dưới 0,8%.",
    );
    expect(r.targets.map((t) => [t[0], t[2]])).toEqual([
      ["I.1.a", { op: "gte", value: 32 }],
      ["I.1.b", { op: "lt", value: 0.8 }],
    ]);
    expect(r.warnings).toEqual([[1, expect.stringContaining("kết quả đã đạt")]]);
  });

  test("after a result headline, last year's figures are results too, until the aims start again", () => {
    const r = read(
      "Năm 2025, xã hoàn thành 14/14 chỉ tiêu chủ yếu; thu ngân sách đạt 12 tỷ đồng, bằng 150% dự toán; tạo việc làm cho 400 lao động. Năm 2026, xã phấn đấu thu ngân sách đạt 15 tỷ đồng; tỷ lệ hộ nghèo giảm còn 1%.",
    );
    expect(r.targets.map((t) => [t[2], t[3]])).toEqual([
      [{ op: "gte", value: 15 }, "tỷ đồng"],
      [{ op: "lte", value: 1 }, "%"],
    ]);
  });

  test("the short money units tỷđ and trđ, written without a dot or a space, are tỷ đồng and triệu đồng", () => {
    const r = read("I. KINH TẾ\n- Thu ngân sách năm 2020: 8tỷđ\n- Thu nhập bình quân đầu người: 60trđ/người/năm");
    expect(r.targets.map((t) => [t[2], t[3]])).toEqual([
      [{ op: "gte", value: 8 }, "tỷ đồng"],
      [{ op: "gte", value: 60 }, "triệu đồng/người/năm"],
    ]);
  });

  test("a comparison with the past after a target restates it ('tăng 80 hộ so với', 'gấp 2 lần', no comma)", () => {
    const r = read(
      "I. KINH TẾ\n- Số hộ kinh doanh năm 2020: 845 hộ, tăng 80 hộ so với năm 2015.\n- Giá trị sản xuất đạt 1.184 tỷđ, gấp 2 lần năm 2015.\n- Tỷ lệ gia đình văn hoá: 95% tăng 5% so với năm 2015.",
    );
    expect(r.targets.map((t) => [t[2], t[3]])).toEqual([
      [{ op: "gte", value: 845 }, "hộ"],
      [{ op: "gte", value: 1184 }, "tỷ đồng"],
      [{ op: "gte", value: 95 }, "%"],
    ]);
    expect(r.targets[1]![1]).toContain("gấp 2 lần năm 2015");
  });

  test("who attends the congress, a sentence that announces the list, and last term's results set no target", () => {
    const r = read(
      [
        "Đại hội có 205 đại biểu thay mặt cho 689 đảng viên.",
        "Nhìn lại nhiệm kỳ 2020-2025, kinh tế tăng trưởng bình quân 6%/năm; thu nhập bình quân đạt 47,6 triệu đồng.",
        "Nhiệm kỳ 2025-2030, Đảng bộ xã đề ra 17 chỉ tiêu chủ yếu, 6 nhiệm vụ trọng tâm và 4 đột phá. Thu ngân sách tăng bình quân trên 10%/năm.",
      ].join("\n"),
    );
    expect(r.targets.map((t) => [t[2], t[3]])).toEqual([[{ op: "gt", value: 10 }, "%/năm"]]);
    expect(r.warnings.map((w) => w[0])).toEqual([1, 2, 3]);
  });

  test("'Năm 2025, …' in a page about 2026 reports results; in a page about 2025 it sets targets", () => {
    const year2026 = read(
      "Năm 2026, xã phấn đấu thu nhập bình quân đạt 80 triệu đồng.\nNăm 2025, thu ngân sách đạt 279 tỷ đồng, bằng 112% dự toán.",
    );
    expect(year2026.targets.map((t) => t[2])).toEqual([{ op: "gte", value: 80 }]);
    const year2025 = read("Năm 2025, thu ngân sách đạt 279 tỷ đồng; tỷ lệ hộ nghèo dưới 1%.");
    expect(year2025.targets.map((t) => t[2])).toEqual([
      { op: "gte", value: 279 },
      { op: "lt", value: 1 },
    ]);
  });

  test("a figure-less outcome next to targets is a task of its own ('và đạt chuẩn …', 'phấn đấu không còn hộ nghèo')", () => {
    const r = read(
      "Mục tiêu đến năm 2030 là xã đạt chuẩn nông thôn mới. Một số chỉ tiêu cụ thể: giữ tỷ lệ hộ nghèo dưới 2% và đạt chuẩn nông thôn mới nâng cao vào năm 2028; đến năm 2030 phấn đấu không còn hộ nghèo, 97% người dân có bảo hiểm y tế.",
    );
    expect(r.targets.map((t) => [t[1], t[2]])).toEqual([
      ["Mục tiêu đến năm 2030 là xã đạt chuẩn nông thôn mới", { op: "qualitative" }],
      ["Giữ tỷ lệ hộ nghèo", { op: "lt", value: 2 }],
      ["Đạt chuẩn nông thôn mới nâng cao vào năm 2028", { op: "qualitative" }],
      ["Đến năm 2030 phấn đấu không còn hộ nghèo", { op: "qualitative" }],
      ["Người dân có bảo hiểm y tế", { op: "gte", value: 97 }],
    ]);
  });
});

import fc from "fast-check";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { ResolutionSchema, allIndicators, type Resolution } from "../../src/core/model";
import { checkFigure, judge } from "../../src/core/judge";
import { ResolutionTextError, parseResolution } from "../../src/core/parser";

const SEED = path.join(__dirname, "../fixtures/seed/nghi-quyet-2022-phuong-tran-phu.txt");
const FIXTURES = path.join(__dirname, "../fixtures/resolutions");

/** What a golden file pins: the reading, without source line numbers of indicators. */
function essentials(r: Resolution) {
  return {
    title: r.title,
    organization: r.organization,
    year: r.year,
    sections: r.sections.map((s) => ({
      id: s.id,
      title: s.title,
      indicators: s.indicators.map((i) => ({
        id: i.id,
        text: i.text,
        unit: i.unit,
        target: i.target,
        targetText: i.targetText,
      })),
    })),
    warnings: r.warnings.map((w) => ({ line: w.line, reason: w.reason })),
  };
}

describe("the seed resolution", () => {
  const parsed = parseResolution(readFileSync(SEED, "utf8"));

  test("reads to the built-in data: same ids, targets and units, in order", () => {
    const strip = (r: Resolution) => allIndicators(r).map((i) => ({ id: i.id, unit: i.unit, target: i.target }));
    expect(strip(parsed)).toEqual(strip(BUILTIN_RESOLUTION));
    expect(parsed.sections.map((s) => [s.id, s.title])).toEqual(
      BUILTIN_RESOLUTION.sections.map((s) => [s.id, s.title]),
    );
  });

  test("has the header fields and no warnings", () => {
    expect(parsed.organization).toBe("Đảng bộ phường Trần Phú");
    expect(parsed.year).toBe(2022);
    expect(parsed.title).toMatch(/^Nghị quyết .*năm 2022$/u);
    expect(parsed.warnings).toEqual([]);
  });

  test("indicator texts drop the target but keep the subject", () => {
    const text = new Map(allIndicators(parsed).map((i) => [i.id, i.text]));
    expect(text.get("III.1")).toBe("Tỷ lệ hộ nghèo");
    expect(text.get("I.2.a")).toBe("Kết nạp đảng viên");
    expect(text.get("VI.2.b")).toBe("Giao quân đạt chỉ tiêu kế hoạch");
    expect(text.get("I.1.b")).toBe("Chi bộ tổ chức ít nhất 01 kỳ họp Chuyên đề");
    expect(text.get("I.4.b")).toBe("Chính quyền, MTTQ và các tổ chức đoàn thể");
  });

  test("is valid against the schema and every indicator knows its line", () => {
    expect(ResolutionSchema.safeParse(parsed).success).toBe(true);
    for (const i of allIndicators(parsed)) expect(i.line).toBeGreaterThan(10);
  });

  test("reads the same with Windows line endings and decomposed (NFD) diacritics", () => {
    const raw = readFileSync(SEED, "utf8");
    expect(essentials(parseResolution(raw.replace(/\n/g, "\r\n").normalize("NFD")))).toEqual(essentials(parsed));
  });
});

describe("phrasings of semantics.md section 1, each read as the rulebook says", () => {
  const read = (clause: string) => {
    // A second item with a figure: a text of qualitative targets only is refused as no resolution.
    const r = parseResolution(`I. CHỈ TIÊU\n1. ${clause}\n2. Kết nạp 3 đảng viên.`);
    return allIndicators(r)
      .filter((i) => !i.id.startsWith("I.2"))
      .map((i) => [i.text, i.unit, i.target]);
  };
  test.each([
    ["Thu ngân sách đạt 120% dự toán huyện giao", [["Thu ngân sách", "% dự toán", { op: "gte", value: 120 }]]],
    ["Thu ngân sách vượt 10% dự toán", [["Thu ngân sách", "% dự toán", { op: "gte", value: 110 }]]],
    ["Giải ngân đạt 100% kế hoạch giao", [["Giải ngân", "% kế hoạch", { op: "gte", value: 100 }]]],
    ["Không còn hộ nghèo trên địa bàn", [["Không còn hộ nghèo trên địa bàn", "", { op: "qualitative" }]]],
    [
      "Không để xảy ra cháy nổ lớn tại 3 khu dân cư",
      [["Không để xảy ra cháy nổ lớn tại 3 khu dân cư", "", { op: "qualitative" }]],
    ],
    [
      "Chỉ số cải cách hành chính thuộc nhóm 10 xã dẫn đầu của huyện",
      [["Chỉ số cải cách hành chính của huyện", "thứ hạng", { op: "rank", value: 10 }]],
    ],
    [
      "Xếp hạng chỉ số PAPI trong top 3 của quận",
      [["Xếp hạng chỉ số PAPI của quận", "thứ hạng", { op: "rank", value: 3 }]],
    ],
    [
      "Tỷ lệ xã đạt chuẩn nông thôn mới đạt 50% (8 xã)",
      [["Tỷ lệ xã đạt chuẩn nông thôn mới đạt (8 xã)", "%", { op: "gte", value: 50 }]],
    ],
    ["Tổng thu ngân sách 25 tỷ.đ", [["Tổng thu ngân sách", "tỷ đồng", { op: "gte", value: 25 }]]],
    [
      "Tốc độ tăng trưởng kinh tế là 12,5%, tăng 8,5% so với năm 2023",
      [["Tốc độ tăng trưởng kinh tế, tăng 8,5% so với năm 2023", "%", { op: "gte", value: 12.5 }]],
    ],
    [
      "Tổng vốn đầu tư 120 tỷ đồng, trong đó vốn ngân sách 40 tỷ đồng",
      [
        ["Tổng vốn đầu tư", "tỷ đồng", { op: "gte", value: 120 }],
        ["Vốn ngân sách", "tỷ đồng", { op: "gte", value: 40 }],
      ],
    ],
  ])("%s", (clause, expected) => expect(read(clause)).toEqual(expected));

  test("a figure of 120% of the plan is valid: such a percentage may exceed 100%", () => {
    const [ind] = allIndicators(parseResolution("I. CHỈ TIÊU\n1. Thu ngân sách đạt 120% dự toán"));
    expect(checkFigure(ind!, 131.5).ok).toBe(true);
    expect(judge(ind!, 131.5).status).toBe("Vượt");
  });
});

describe("ids are unique by construction, and readable", () => {
  test("a section numeral or an item number used twice gets an id of its own, with a warning on its line", () => {
    const r = parseResolution(
      "I. KINH TẾ\n1. Kết nạp 3 đảng viên\nI. XÃ HỘI\n1. Kết nạp 4 đảng viên\n1. Tỷ lệ BHYT đạt 95%",
    );
    expect(allIndicators(r).map((i) => i.id)).toEqual(["I.1", "I-2.1", "I-2.2"]);
    expect(r.warnings.map((w) => [w.line, w.reason])).toEqual([
      [3, "phần I bị trùng; đặt mã I-2"],
      [5, "mục 1 bị trùng trong phần I-2; đặt mã I-2.2"],
    ]);
    expect(ResolutionSchema.safeParse(r).success).toBe(true);
  });

  test("the schema refuses a duplicate id and names it", () => {
    const r = parseResolution(readFileSync(SEED, "utf8"));
    const dup = { ...r, sections: [r.sections[0]!, { ...r.sections[1]!, indicators: r.sections[0]!.indicators }] };
    const res = ResolutionSchema.safeParse(dup);
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.message).toBe('mã chỉ tiêu "I.1.a" bị trùng');
  });
});

describe("text as it arrives (semantics.md section 0)", () => {
  const raw = readFileSync(SEED, "utf8");
  const clean = essentials(parseResolution(raw));
  const SPACES = ["\u00a0", "\u202f", "\u2002", "\u2009", "\u200a", "\u3000", "\t"];
  const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];

  test("pasted from Word: no-break and zero-width spaces, BOM, CRLF, NFD, soft hyphens, tabs", () => {
    let k = 0;
    const word = `\ufeff${raw}`
      .replace(/ /g, () => SPACES[k++ % SPACES.length]!)
      .replace(/(\p{L})(\p{L})/gu, (_, a: string, b: string) => `${a}${INVISIBLE[k++ % INVISIBLE.length]}${b}`)
      .replace(/\n/g, "\r\n")
      .normalize("NFD");
    expect(essentials(parseResolution(word))).toEqual(clean);
  });

  test("property: any space-like or invisible character inserted between words changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SPACES, ...INVISIBLE)), { minLength: 1, maxLength: 40 }),
        (edits) => {
          const spaces = [...raw.matchAll(/ /g)].map((m) => m.index!);
          const at = new Map(edits.map(([n, ch]) => [spaces[n % spaces.length]!, ch]));
          // A space-like character replaces a space; an invisible one goes beside it.
          const text = [...raw]
            .map((c, i) => (at.has(i) ? (SPACES.includes(at.get(i)!) ? at.get(i)! : ` ${at.get(i)!}`) : c))
            .join("");
          expect(essentials(parseResolution(text))).toEqual(clean);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("other resolutions (golden files: <name>.txt → <name>.expected.json)", () => {
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith(".txt"));
  test("there are at least three besides the seed", () => expect(names.length).toBeGreaterThanOrEqual(3));
  test.each(names)("%s", (name) => {
    const got = essentials(parseResolution(readFileSync(path.join(FIXTURES, name), "utf8")));
    const golden = path.join(FIXTURES, name.replace(/\.txt$/, ".expected.json"));
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
      if (process.env.CI === "true") throw new Error(`missing golden file ${golden}`);
      writeFileSync(golden, `${JSON.stringify(got, null, 2)}\n`);
    }
    expect(got).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });
});

describe("structure", () => {
  test("a clause with an unreadable figure becomes qualitative with a warning naming its line", () => {
    const r = parseResolution(
      "I. AN NINH\n1. Tỷ lệ hộ nghèo dưới 2%.\n2. Giảm tai nạn giao thông trên cả 3 tiêu chí.\n",
    );
    expect(r.sections[0]!.indicators[1]).toMatchObject({ id: "I.2", target: { op: "qualitative" } });
    expect(r.warnings).toEqual([
      expect.objectContaining({ line: 3, reason: expect.stringMatching(/không đọc được/u) }),
    ]);
  });

  test("a paragraph with a figure outside any numbered item is warned about, not dropped silently", () => {
    const r = parseResolution(
      "I. KINH TẾ\n1. Thu ngân sách đạt 5 tỷ đồng.\n\nNgoài ra phấn đấu tỷ lệ hộ nghèo dưới 1%.\n",
    );
    expect(r.warnings).toEqual([
      expect.objectContaining({ line: 4, reason: expect.stringMatching(/không thuộc mục/u) }),
    ]);
  });

  test("numbered items without Roman sections go into one section", () => {
    const r = parseResolution("1. Tỷ lệ hộ nghèo không quá 1%.\n2. Kết nạp 3 - 5 đảng viên.\n");
    expect(allIndicators(r).map((i) => i.id)).toEqual(["I.1", "I.2"]);
  });

  test("continuation lines and a), b) sub-items belong to their item", () => {
    const r = parseResolution(
      "I. KINH TẾ\n1. Cơ cấu kinh tế:\na) Dịch vụ chiếm 60%;\nb) Nông nghiệp không quá 10%.\n2. Thu ngân sách đạt 5 tỷ đồng;\nchi ngân sách: 4 tỷ đồng\n",
    );
    expect(allIndicators(r).map((i) => [i.id, i.target])).toEqual([
      ["I.1.a", { op: "gte", value: 60 }],
      ["I.1.b", { op: "lte", value: 10 }],
      ["I.2.a", { op: "gte", value: 5 }],
      ["I.2.b", { op: "lte", value: 4 }],
    ]);
  });

  test("letter sections with capitalised titles (A., B.) are sections; ids follow them", () => {
    const r = parseResolution(
      "A. CÁC CHỈ TIÊU KINH TẾ\n1. Thu ngân sách đạt 10 tỷ đồng.\n2. Tỷ lệ hộ nghèo dưới 1%.\nB. CÁC CHỈ TIÊU XÃ HỘI\n1. Tỷ lệ tham gia BHYT đạt 95%.\n",
    );
    expect(r.sections.map((s) => [s.id, s.title, s.indicators.map((i) => i.id)])).toEqual([
      ["A", "CÁC CHỈ TIÊU KINH TẾ", ["A.1", "A.2"]],
      ["B", "CÁC CHỈ TIÊU XÃ HỘI", ["B.1"]],
    ]);
  });

  test('"xã hội" (society) is not taken for a commune\'s name', () => {
    const r = parseResolution("ĐẢNG ỦY XÃ HỘI\nI. KINH TẾ - XÃ HỘI\n1. Thu ngân sách đạt 10 tỷ đồng.\n");
    expect(r.organization).toBe("");
  });

  test("a place name broken over two lines by a PDF's page width is read whole, and only then", () => {
    const body = "I. KINH TẾ\n1. Thu ngân sách đạt 10 tỷ đồng.\n";
    const broken = parseResolution(`${body}Nơi nhận:\n- Đoàn kiểm tra, giám sát phường Trần\nPhú (b/c);\n`);
    expect(broken.organization).toBe("Phường Trần Phú");
    // The next line's capitalised words go on into a sentence: not part of the name.
    const next = parseResolution(`Đảng bộ xã Hòa Bình\nBan Chấp hành ban hành nghị quyết.\n${body}`);
    expect(next.organization).toBe("Đảng bộ xã Hòa Bình");
  });

  test("sub-numbered items (1.1., 1.2.) are the a, b, c of their item, even without the item line", () => {
    const r = parseResolution(
      "I. KINH TẾ\n1. Về ngân sách:\n1.1. Thu ngân sách đạt 10 tỷ đồng.\n1.2. Chi ngân sách không quá 9 tỷ đồng.\n2. Tỷ lệ hộ nghèo dưới 1%.\n3.1 Trồng mới 5 ha rừng.\n",
    );
    expect(allIndicators(r).map((i) => [i.id, i.text, i.target])).toEqual([
      ["I.1.a", "Thu ngân sách", { op: "gte", value: 10 }],
      ["I.1.b", "Chi ngân sách", { op: "lte", value: 9 }],
      ["I.2", "Tỷ lệ hộ nghèo", { op: "lt", value: 1 }],
      ["I.3", "Trồng mới rừng", { op: "gte", value: 5 }],
    ]);
    expect(r.warnings).toEqual([]);
  });

  test("a repeated item number is warned about", () => {
    const r = parseResolution("I. A\n1. Đạt 5%.\n1. Đạt 6%.\n");
    expect(r.warnings[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/trùng/u) });
  });
});

describe("bad text gets a clear Vietnamese error", () => {
  test.each([
    ["empty", "", /trống/u],
    ["blank", "  \n\n ", /trống/u],
    ["binary", "PK\u0003\u0004\u0000\u0000\u0014\u0000binary", /nhị phân/u],
    [
      "English",
      "Resolution of the People's Committee\nThe ward shall raise revenue by at least 5 percent.\n",
      /Không tìm thấy phần/u,
    ],
    [
      "no figures",
      "I. XÂY DỰNG ĐẢNG\n1. Giữ vững đoàn kết nội bộ.\n2. Thực hiện tốt quy chế dân chủ.\n",
      /Không tìm thấy chỉ tiêu nào có con số/u,
    ],
    ["English numbered", "1. Revenue at least 5 million\n2. Poverty below 2 percent\n", /Không tìm thấy chỉ tiêu/u],
  ])("%s", (_name, text, message) => {
    expect(() => parseResolution(text)).toThrow(ResolutionTextError);
    expect(() => parseResolution(text)).toThrow(message);
  });
});

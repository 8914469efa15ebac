import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { cli } from "../helpers/cli";
import { allIndicators } from "../../src/core/model";
import { readTrackingXlsx } from "../../src/workbook/xlsx-read";
import { readBack } from "../../src/workbook/tracking-row";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";

/** Re-inserting within the year (chitieu workbook --from, the pane's path) keeps the assigned targets. */

const dir = mkdtempSync(path.join(tmpdir(), "chitieu-assigned-carry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACTUALS = {
  "II.3.a": { "6t": 16000, nam: 31000 },
  "V.2": { nam: 12 },
  "GX.1": { nam: 17 },
  $assigned: {
    "II.3.a": "30 tỷ đồng",
    "V.2": "thứ 10 trở lên",
    "III.1": "dưới 0,5%",
    "Số doanh nghiệp thành lập mới": "15 doanh nghiệp",
  },
  $assignedBy: "tỉnh",
};

test("same-year carry-over keeps every assigned phrase, the level word and the extra indicator with its figure", async () => {
  const json = path.join(dir, "so-lieu.json");
  writeFileSync(json, JSON.stringify(ACTUALS));
  const old = path.join(dir, "cu.xlsx");
  expect((await cli(["workbook", "--actuals", json, "--out", old])).code).toBe(0);
  const fresh = path.join(dir, "moi.xlsx");
  const { code, err } = await cli(["workbook", "--from", old, "--out", fresh]);
  expect(code).toBe(0);
  expect(err).toContain("4 chỉ tiêu giao");
  expect(err).not.toMatch(/Không chuyển/u);
  const back = readBack((await readTrackingXlsx(readFileSync(fresh)))!, BUILTIN_RESOLUTION);
  expect(back.own).toBe(true);
  expect(back.content.assignedBy).toBe("tỉnh");
  const assigned = Object.fromEntries(
    Object.entries(back.content.rows).flatMap(([id, r]) => (r.assigned ? [[id, r.assigned]] : [])),
  );
  expect(assigned).toEqual({
    "II.3.a": "30 tỷ đồng",
    "V.2": "thứ 10 trở lên",
    "III.1": "dưới 0,5%",
    "GX.1": "15 doanh nghiệp",
  });
  expect(allIndicators(back.resolution).find((i) => i.id === "GX.1")?.text).toBe("Số doanh nghiệp thành lập mới");
  expect(back.content.rows["GX.1"]?.figures.nam).toBe(17);
  // The new workbook's words are the old one's.
  const a = await cli(["report", "--from", old]);
  const b = await cli(["report", "--from", fresh]);
  expect(b.out).toBe(a.out);
  expect(b.out.split("\n")[1]).toBe(
    "Về chỉ tiêu tỉnh giao: có 2/4 chỉ tiêu đạt và vượt (vượt 2, đạt 0), 0 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 1 chỉ tiêu chưa có số liệu.",
  );
});

test("next year's workbook (--previous) does not keep last year's assigned targets, and says so", async () => {
  const json = path.join(dir, "so-lieu-2.json");
  writeFileSync(json, JSON.stringify(ACTUALS));
  const old = path.join(dir, "nam-2022.xlsx");
  expect((await cli(["workbook", "--actuals", json, "--out", old])).code).toBe(0);
  const next = path.join(dir, "nq-2023.json");
  writeFileSync(next, JSON.stringify({ ...BUILTIN_RESOLUTION, title: "Nghị quyết năm 2023", year: 2023 }));
  const fresh = path.join(dir, "nam-2023.xlsx");
  const { code, err } = await cli(["workbook", "--resolution", next, "--previous", old, "--out", fresh]);
  expect(code).toBe(0);
  expect(err).toContain("Mã II.3.a “Thu ngân sách” (dòng");
  expect(err).toMatch(
    /chỉ tiêu giao “30 tỷ đồng” — năm mới có chỉ tiêu cấp trên giao mới, không lấy chỉ tiêu giao của năm trước/u,
  );
  const back = readBack((await readTrackingXlsx(readFileSync(fresh)))!, BUILTIN_RESOLUTION);
  expect(Object.values(back.content.rows).filter((r) => r.assigned !== undefined)).toEqual([]);
  expect(back.content.assignedBy).toBeUndefined();
  expect(back.resolution.sections.map((s) => s.id)).not.toContain("GX");
  // Last year's figure is this year's Cùng kỳ all the same.
  expect(back.content.rows["II.3.a"]?.previous?.nam).toBe(31000);
});

import { REQUIRED_API } from "../../src/workbook/layout";
import { excelApiUses, unguarded } from "../helpers/api-audit";

/** Every file that talks to Excel (the custom functions use no Excel API). */
const EXCEL_CODE = ["src/workbook/excel.ts", "src/taskpane/host.ts"];

describe("requirement sets: no Excel API member newer than the declared floor without a supports() guard", () => {
  const uses = excelApiUses([...EXCEL_CODE, "test/fixtures/api-audit/unguarded.ts"]);

  test(`the writer and the host stay within ExcelApi ${REQUIRED_API} or guard what is newer`, () => {
    const mine = uses.filter((u) => EXCEL_CODE.includes(u.file));
    // The audit sees the members it must: the 1.9 page layout behind its guard, the 1.2 row autofit, …
    expect(mine.map((u) => u.member)).toEqual(
      expect.arrayContaining(["pageLayout", "headersFooters", "autofitRows", "getRangeOrNullObject", "onChanged"]),
    );
    expect(mine.find((u) => u.member === "pageLayout")).toMatchObject({ version: "1.9", guard: "1.9" });
    expect(unguarded(mine, REQUIRED_API).map((u) => `${u.file}:${u.line} ${u.member} (ExcelApi ${u.version})`)).toEqual(
      [],
    );
  });

  test("a newer member without a guard, or with a guard for an older version, fails the audit", () => {
    const bad = unguarded(
      uses.filter((u) => u.file.includes("unguarded")),
      REQUIRED_API,
    );
    expect(bad.map((u) => `${u.line} ${u.member} ${u.version} guard ${u.guard}`).sort()).toEqual([
      "3 orientation 1.9 guard null",
      "3 pageLayout 1.9 guard null",
      "5 pageLayout 1.9 guard 1.8",
      "5 scale 1.9 guard 1.8",
      "5 zoom 1.9 guard 1.8",
    ]);
  });
});

import ExcelJS from "exceljs";
import type { AssignedItem } from "../core/assigned";
import { InputError } from "../core/input";
import { formatVietnameseNumber } from "../core/numbers";
import { parseTargetPhrase } from "../core/target";
import { comparable, normalizeText } from "../core/text";
import { colLetter } from "./layout";

/** The headers of an assignment table, by meaning. */
const NAME_HEADER = /^(?:tên\s+)?(?:chỉ tiêu|nội dung(?: chỉ tiêu)?|tên)$/u;
const TARGET_HEADER = /kế hoạch|chỉ tiêu giao|giao|mục tiêu|\b(?:19|20)\d\d\b/u;
const UNIT_HEADER = /^(?:đơn vị(?: tính)?|đvt)$/u;

const textOf = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !(v instanceof Date)) {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return textOf(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v);
};
const headerText = (v: ExcelJS.CellValue) =>
  comparable(textOf(v))
    .replace(/[.:()]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();

/**
 * An assignment table (.xlsx): the first sheet with a header row naming the indicator ("Chỉ tiêu",
 * "Nội dung") and the target ("Kế hoạch năm 2026", "Chỉ tiêu giao"), optionally the unit ("Đơn vị
 * tính", "ĐVT"). A target that is a bare number takes the unit column's unit ("95" and "%": "95%").
 * Throws a Vietnamese message when no sheet has such a header.
 */
export async function assignedItemsFromXlsx(bytes: Uint8Array, file: string): Promise<AssignedItem[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputError(`Tệp “${file}” không phải tệp .xlsx đọc được.`);
  }
  for (const ws of wb.worksheets) {
    for (let h = 1; h <= Math.min(ws.rowCount, 20); h++) {
      const cells = (ws.getRow(h).values as ExcelJS.CellValue[]).map((v) => headerText(v));
      const name = cells.findIndex((t) => NAME_HEADER.test(t));
      const target = cells.findIndex((t, i) => i !== name && t !== "" && TARGET_HEADER.test(t));
      if (name < 0 || target < 0) continue;
      const unit = cells.findIndex((t) => UNIT_HEADER.test(t));
      const items: AssignedItem[] = [];
      for (let k = h + 1; k <= ws.rowCount; k++) {
        const row = ws.getRow(k);
        const text = normalizeText(textOf(row.getCell(name).value))
          .replace(/\s+/gu, " ")
          .trim();
        const cell = row.getCell(target);
        const raw = cell.value;
        const u = unit > 0 ? normalizeText(textOf(row.getCell(unit).value)).trim() : "";
        let phrase = normalizeText(textOf(raw)).trim();
        if (text === "" || phrase === "") continue;
        if (
          typeof raw === "number" ||
          (raw && typeof raw === "object" && "result" in raw && typeof raw.result === "number")
        ) {
          let n = typeof raw === "number" ? raw : (raw as { result: number }).result;
          // A percentage cell holds 0.95 for 95%.
          if (/%/u.test(cell.numFmt ?? "")) n = Number((n * 100).toPrecision(15));
          const sign = /%/u.test(cell.numFmt ?? "") ? "%" : "";
          phrase = `${formatVietnameseNumber(n)}${sign || (/^[%‰]/u.test(u) ? u : u ? ` ${u}` : "")}`;
        } else if (u !== "" && !/\p{L}|[%‰]/u.test(phrase.replace(/^[^\d]*/u, "")))
          phrase = `${phrase}${/^[%‰]/u.test(u) ? "" : " "}${u}`;
        const read = parseTargetPhrase(phrase);
        items.push({
          text,
          phrase,
          unit: read.ok ? read.value.unit : u,
          where: `ô ${colLetter(target)}${k} (sheet “${ws.name}”)`,
        });
      }
      if (items.length === 0)
        throw new InputError(
          `Bảng chỉ tiêu giao “${file}” (sheet “${ws.name}”) không có dòng nào có cả chỉ tiêu và mức giao.`,
        );
      return items;
    }
  }
  throw new InputError(
    `Tệp “${file}” không có bảng chỉ tiêu giao: cần một dòng tiêu đề có cột “Chỉ tiêu” (hoặc “Nội dung”) và cột mức giao (“Kế hoạch năm …”, “Chỉ tiêu giao”).`,
  );
}

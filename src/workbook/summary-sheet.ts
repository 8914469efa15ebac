import { STATUSES, STATUS_COLORS, type Resolution } from "../core/model";
import { MET_STATUSES } from "../core/rules";
import { SUMMARY_SHEET, TRACKING_SHEET, col, colLetter } from "./layout";
import { area, fitRowHeights, pageBands, ref, type CellPlan, type SheetPlan } from "./sheet-plan";

export const SUMMARY_HEADERS = ["Phần", "Nội dung", ...STATUSES, "Tổng số", "Tỷ lệ đạt"] as const;

/** The "Tổng hợp" sheet: counts per section and status (COUNTIFS over the tracking sheet by Mã). */
export function summarySheet(r: Resolution): SheetPlan {
  const cells: CellPlan[] = [];
  const head = 4;
  const first = head + 1;
  const totalRow = first + r.sections.length;
  const t = `'${TRACKING_SHEET}'!`;
  const idCol = `${t}$${col("id")}:$${col("id")}`;
  const statusCol = `${t}$${col("status")}:$${col("status")}`;
  const nCols = SUMMARY_HEADERS.length;
  const statusCol1 = 3;
  const totalCol = statusCol1 + STATUSES.length;
  const noFigureCol = statusCol1 + STATUSES.indexOf("Chưa có số liệu");
  const metCols = MET_STATUSES.map((s) => colLetter(statusCol1 + STATUSES.indexOf(s)));
  const widths = [7, 44, ...STATUSES.map(() => 11), 9, 10];
  cells.push({ row: 1, col: 1, value: "TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU" });
  cells.push({ row: 2, col: 1, value: [r.title, r.organization].filter(Boolean).join(" — ") });
  SUMMARY_HEADERS.forEach((h, i) => cells.push({ row: head, col: i + 1, value: h }));
  r.sections.forEach((s, k) => {
    const row = first + k;
    cells.push({ row, col: 1, value: s.id });
    cells.push({ row, col: 2, value: s.title });
    STATUSES.forEach((_, i) => {
      const c = statusCol1 + i;
      cells.push({ row, col: c, formula: `COUNTIFS(${idCol},$A${row}&".*",${statusCol},${colLetter(c)}$${head})` });
    });
    cells.push({ row, col: totalCol, formula: `COUNTIFS(${idCol},$A${row}&".*")` });
  });
  cells.push({ row: totalRow, col: 2, value: "Tổng cộng" });
  for (let c = statusCol1; c <= totalCol; c++)
    cells.push({ row: totalRow, col: c, formula: `SUM(${colLetter(c)}${first}:${colLetter(c)}${totalRow - 1})` });
  for (let row = first; row <= totalRow; row++) {
    // Blank until the section has a figure: "0%" before anyone has typed would read as a failure.
    const n = `${colLetter(totalCol)}${row}`;
    const none = `${colLetter(noFigureCol)}${row}`;
    cells.push({
      row,
      col: nCols,
      formula: `IF(${n}-${none}<=0,"",(${metCols.map((c) => `${c}${row}`).join("+")})/${n})`,
    });
  }
  cells.push({
    row: totalRow + 2,
    col: 1,
    value: `Số liệu tự cập nhật theo sheet “${TRACKING_SHEET}”. Tỷ lệ đạt = (${MET_STATUSES.join(" + ")}) ÷ Tổng số chỉ tiêu.`,
  });
  const styles: SheetPlan["styles"] = [
    { ref: area(1, 1, nCols, 1), style: { bold: true, size: 14, hAlign: "center" } },
    { ref: area(1, 2, nCols, 2), style: { italic: true, hAlign: "center", wrap: true } },
    {
      ref: area(1, head, nCols, head),
      style: { bold: true, fill: "#D9E1F2", hAlign: "center", wrap: true, border: true, vAlign: "center" },
    },
    { ref: area(1, first, nCols, totalRow), style: { border: true, vAlign: "center" } },
    { ref: area(1, first, 1, totalRow), style: { hAlign: "center" } },
    { ref: area(2, first, 2, totalRow), style: { wrap: true } },
    { ref: area(statusCol1, first, totalCol, totalRow), style: { hAlign: "center", numFmt: "0" } },
    { ref: area(nCols, first, nCols, totalRow), style: { numFmt: "0%" } },
    { ref: area(1, totalRow, nCols, totalRow), style: { bold: true, fill: "#F2F2F2", border: true } },
    { ref: area(1, totalRow + 2, nCols, totalRow + 2), style: { italic: true, color: "#595959" } },
    ...STATUSES.map((s, i) => ({
      ref: ref(statusCol1 + i, head),
      style: {
        fill: STATUS_COLORS[s].fill,
        color: STATUS_COLORS[s].font,
        bold: true,
        hAlign: "center" as const,
        wrap: true,
        border: true,
      },
    })),
  ];
  const merges = [area(1, 1, nCols, 1), area(1, 2, nCols, 2), area(1, totalRow + 2, nCols, totalRow + 2)];
  const columns = widths.map((width) => ({ width }));
  return {
    name: SUMMARY_SHEET,
    rowCount: totalRow + 2,
    colCount: nCols,
    cells,
    styles,
    merges,
    columns,
    rowHeights: fitRowHeights({ cells, styles, merges, columns }),
    freezeRows: head,
    validations: [],
    conditionalFormats: [],
    dataBars: [{ ref: area(nCols, first, nCols, totalRow), color: "#63BE7B" }],
    charts: [
      {
        title: "Kết quả thực hiện chỉ tiêu theo phần",
        sourceRef: area(2, head, 2 + STATUSES.length, totalRow - 1),
      },
    ],
    autofitRows: [head, totalRow],
    hiddenRows: [],
    print: { landscape: true, area: area(1, 1, nCols, totalRow + 2), ...pageBands(r.title, r.organization) },
  };
}

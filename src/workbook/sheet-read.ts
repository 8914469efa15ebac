import { COLUMNS, colLetter, type ColumnKey } from "./layout";

export interface ExistingRow {
  id: string;
  /** 1-based sheet row. */
  row: number;
  actual: unknown;
  note: string;
  status: string;
  check: string;
  /** Every column found by its header, as the cells hold them. */
  cells: Partial<Record<ColumnKey, unknown>>;
}

export interface ExistingSheet {
  name: string;
  rows: ExistingRow[];
  /** Column letters found by header text. */
  columns: Partial<Record<ColumnKey, string>>;
  tolerance: number | null;
  /** Section rows (a Mã without a dot, e.g. "II"), in sheet order. */
  sections: { id: string; title: string; row: number }[];
  /** The first two text cells above the header: title, then organisation and year. */
  heading: string[];
}

/** Finds the header row by its "Mã" cell and reads every indicator row by its Mã, wherever staff moved it. */
export function readTrackingValues(name: string, values: unknown[][], top = 1): ExistingSheet | null {
  const headerIdx = values.findIndex((r) => r.some((v) => v === "Mã") && r.some((v) => v === "Thực hiện"));
  if (headerIdx < 0) return null;
  const header = values[headerIdx]!;
  const at = (h: string) => header.findIndex((v) => v === h);
  const columns: ExistingSheet["columns"] = {};
  for (const c of COLUMNS) if (at(c.header) >= 0) columns[c.key] = colLetter(at(c.header) + 1);
  const rows: ExistingRow[] = [];
  const sections: ExistingSheet["sections"] = [];
  const cell = (r: unknown[], h: string) => (at(h) >= 0 ? r[at(h)] : undefined);
  values.slice(headerIdx + 1).forEach((r, k) => {
    const raw = cell(r, "Mã");
    const id = typeof raw === "string" ? raw.trim() : "";
    const row = top + headerIdx + 1 + k;
    if (/^\p{Lu}{1,6}$/u.test(id)) sections.push({ id, title: String(cell(r, "Chỉ tiêu") ?? ""), row });
    if (!id.includes(".")) return;
    const cells: ExistingRow["cells"] = {};
    for (const c of COLUMNS) if (at(c.header) >= 0) cells[c.key] = r[at(c.header)];
    rows.push({
      id,
      row,
      actual: cell(r, "Thực hiện") ?? "",
      note: String(cell(r, "Ghi chú") ?? ""),
      status: String(cell(r, "Đánh giá") ?? ""),
      check: String(cell(r, "Kiểm tra số liệu") ?? ""),
      cells,
    });
  });
  const heading = values
    .slice(0, headerIdx)
    .map((r) => r.find((v) => typeof v === "string" && v.trim() !== "") as string | undefined)
    .filter((v): v is string => v !== undefined)
    .slice(0, 2);
  return { name, rows, columns, tolerance: null, sections, heading };
}

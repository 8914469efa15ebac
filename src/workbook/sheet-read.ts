import { COLUMNS, colLetter } from "./layout";

export interface ExistingRow {
  id: string;
  /** 1-based sheet row. */
  row: number;
  actual: unknown;
  note: string;
  status: string;
  check: string;
}

export interface ExistingSheet {
  name: string;
  rows: ExistingRow[];
  /** Column letters found by header text. */
  columns: Partial<Record<(typeof COLUMNS)[number]["key"], string>>;
  tolerance: number | null;
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
  const cell = (r: unknown[], h: string) => (at(h) >= 0 ? r[at(h)] : undefined);
  values.slice(headerIdx + 1).forEach((r, k) => {
    const id = cell(r, "Mã");
    if (typeof id !== "string" || !id.includes(".")) return;
    rows.push({
      id: id.trim(),
      row: top + headerIdx + 1 + k,
      actual: cell(r, "Thực hiện") ?? "",
      note: String(cell(r, "Ghi chú") ?? ""),
      status: String(cell(r, "Đánh giá") ?? ""),
      check: String(cell(r, "Kiểm tra số liệu") ?? ""),
    });
  });
  return { name, rows, columns, tolerance: null };
}

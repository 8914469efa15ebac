import { COLUMNS, HEADING_LABELS, colLetter, type ColumnKey } from "./layout";

export interface ExistingRow {
  id: string;
  /** 1-based sheet row. */
  row: number;
  actual: unknown;
  note: string;
  status: string;
  /** Every column found by its header, as the cells hold them. */
  cells: Partial<Record<ColumnKey, unknown>>;
}

export interface ExistingSheet {
  name: string;
  rows: ExistingRow[];
  /** Column letters found by header text. */
  columns: Partial<Record<ColumnKey, string>>;
  /** The value of the sheet's tolerance name, as the cell holds it (undefined when there is none). */
  tolerance: unknown;
  /** Section rows (a Mã without a dot, e.g. "II"), in sheet order. */
  sections: { id: string; title: string; row: number }[];
  /** The first two text cells above the header: title, then organisation and year. */
  heading: string[];
  /** Cells to the right of a heading label (layout.HEADING_LABELS), by the label's key. */
  meta: Partial<Record<keyof typeof HEADING_LABELS, unknown>>;
}

/** Finds the header row by its "Mã" cell and reads every indicator row by its Mã, wherever staff moved it. */
export function readTrackingValues(name: string, values: unknown[][], top = 1): ExistingSheet | null {
  const headerIdx = values.findIndex((r) => r.some((v) => v === "Mã") && r.some((v) => v === "Thực hiện"));
  if (headerIdx < 0) return null;
  const header = values[headerIdx]!;
  // Each known column's position, found once by its header text.
  const found = COLUMNS.map((c) => [c.key, header.indexOf(c.header)] as const).filter(([, i]) => i >= 0);
  const columns: ExistingSheet["columns"] = Object.fromEntries(found.map(([key, i]) => [key, colLetter(i + 1)]));
  const rows: ExistingRow[] = [];
  const sections: ExistingSheet["sections"] = [];
  values.slice(headerIdx + 1).forEach((r, k) => {
    const cells: ExistingRow["cells"] = Object.fromEntries(found.map(([key, i]) => [key, r[i]]));
    const id = typeof cells.id === "string" ? cells.id.trim() : "";
    const row = top + headerIdx + 1 + k;
    if (/^\p{Lu}{1,6}$/u.test(id)) sections.push({ id, title: String(cells.text ?? ""), row });
    if (!id.includes(".")) return;
    rows.push({
      id,
      row,
      actual: cells.actual ?? "",
      note: String(cells.note ?? ""),
      status: String(cells.status ?? ""),
      cells,
    });
  });
  const above = values.slice(0, headerIdx);
  const heading = above
    .map((r) => r.find((v) => typeof v === "string" && v.trim() !== "") as string | undefined)
    .filter((v): v is string => v !== undefined)
    .slice(0, 2);
  const meta: ExistingSheet["meta"] = {};
  for (const [key, label] of Object.entries(HEADING_LABELS) as [keyof typeof HEADING_LABELS, string][])
    for (const r of above) {
      const i = r.indexOf(label);
      if (i >= 0) meta[key] = r[i + 1];
    }
  return { name, rows, columns, tolerance: undefined, sections, heading, meta };
}

import { runCrossChecks } from "../core/crosscheck";
import { checkFigure, figureFromCell, judgeCell } from "../core/judge";
import { ActualsSchema, STATUSES, allIndicators, type Resolution, type Status } from "../core/model";
import type { ExistingSheet } from "./sheet-read";

export interface Problem {
  id: string;
  /** The figure's cell on the tracking sheet, e.g. "F12" (null when there is none to select). */
  cell: string | null;
  message: string;
  severity: "error" | "warning";
}

/**
 * Checks every figure on the tracking sheet as it stands (pasted values bypass Excel's data
 * validation), plus the cross-checks. Rows are found by Mã, never by position.
 */
export function checkSheet(resolution: Resolution, sheet: ExistingSheet): Problem[] {
  const byId = new Map(allIndicators(resolution).map((i) => [i.id, i]));
  const col = sheet.columns.actual ?? null;
  const problems: Problem[] = [];
  const figures: Record<string, unknown> = {};
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const cell = col ? `${col}${row.row}` : null;
    const ind = byId.get(row.id);
    if (!ind) {
      problems.push({
        id: row.id,
        cell,
        severity: "warning",
        message: `Mã ${row.id} (dòng ${row.row}) không có trong nghị quyết đang dùng.`,
      });
      continue;
    }
    if (seen.has(row.id)) {
      problems.push({
        id: row.id,
        cell,
        severity: "error",
        message: `Mã ${row.id} bị lặp (dòng ${seen.get(row.id)} và ${row.row}).`,
      });
      continue;
    }
    seen.set(row.id, row.row);
    const figure = figureFromCell(ind, row.actual);
    const check = checkFigure(ind, figure);
    if (!check.ok)
      problems.push({
        id: row.id,
        cell,
        severity: "error",
        message: `Chỉ tiêu ${row.id} (ô ${cell ?? "?"}): ${check.reason}.`,
      });
    else if (check.figure.kind !== "blank") figures[row.id] = check.figure.value;
  }
  // One schema for figures everywhere: what passed above must also be valid Actuals JSON.
  ActualsSchema.parse(figures);
  for (const id of byId.keys())
    if (!seen.has(id))
      problems.push({
        id,
        cell: null,
        severity: "warning",
        message: `Không thấy dòng có Mã ${id} trên sổ theo dõi.`,
      });
  const cellOf = (id: string) => sheet.rows.find((r) => r.id === id);
  for (const w of runCrossChecks(resolution, figures)) {
    const r = cellOf(w.ids[0]!);
    const cell = r && col ? `${col}${r.row}` : null;
    problems.push({
      id: w.ids.join(", "),
      cell,
      severity: "warning",
      message: w.message,
    });
  }
  return problems;
}

export interface Progress {
  total: Record<Status, number>;
  sections: { id: string; title: string; counts: Record<Status, number>; n: number }[];
}

const zero = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** Counts per status and per section, as the summary sheet's COUNTIFS do (status read from the sheet). */
export function progressOf(resolution: Resolution, sheet: ExistingSheet | null): Progress {
  const byRow = new Map((sheet?.rows ?? []).map((r) => [r.id, r]));
  const total = zero();
  const sections = resolution.sections.map((s) => {
    const counts = zero();
    for (const ind of s.indicators) {
      const row = byRow.get(ind.id);
      const shown = row?.status as Status | undefined;
      const status: Status = shown && STATUSES.includes(shown) ? shown : judgeCell(ind, row?.actual ?? null).status;
      counts[status]++;
      total[status]++;
    }
    return { id: s.id, title: s.title, counts, n: s.indicators.length };
  });
  return { total, sections };
}

import { fromExcel, measureOf } from "../core/measure";
import { ResolutionSchema, type Indicator, type Resolution, type Target, type TargetOp } from "../core/model";
import { parseVietnameseNumber } from "../core/numbers";
import { parseTargetPhrase, ratingLevel } from "../core/target";
import { OP_LABELS, col } from "./layout";
import type { ExistingSheet } from "./sheet-read";

const OPS = new Map(Object.entries(OP_LABELS).map(([op, label]) => [label, op as TargetOp]));

const num = (v: unknown): number | null => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return parseVietnameseNumber(v)?.value ?? null;
  return null;
};

/**
 * The resolution a tracking sheet stands for, read back from its own cells: the targets are
 * the "Kiểu chỉ tiêu" / "Mức chỉ tiêu" / "Mức tối đa" cells its formulas read, so a target staff
 * edited in the sheet is the one checked. Indicators belong to a section by their Mã ("II.3.a" → II),
 * so sorting rows does not scramble sections. Rows whose target cells are unreadable are reported.
 */
export function resolutionOfSheet(sheet: ExistingSheet): { resolution: Resolution | null; problems: string[] } {
  const problems: string[] = [];
  const indicators: Indicator[] = [];
  for (const r of [...sheet.rows].sort((a, b) => a.row - b.row)) {
    const c = r.cells;
    const op = OPS.get(String(c.op ?? "").trim());
    // Cells are named where the sheet has them now (staff may have moved columns).
    const where = (key: "op" | "value" | "max") => `ô ${sheet.columns[key] ?? col(key)}${r.row}`;
    if (!op) {
      problems.push(
        `Chỉ tiêu ${r.id}: “Kiểu chỉ tiêu” (${where("op")}) phải là một trong ${[...OPS.keys()].join(", ")}.`,
      );
      continue;
    }
    const unit = String(c.unit ?? "").trim();
    const targetText = typeof c.targetText === "string" && c.targetText.trim() !== "" ? c.targetText.trim() : undefined;
    const scale = (v: number, o: TargetOp) =>
      fromExcel(v, measureOf({ unit, targetText, target: { op: o, value: 1 } as Target }));
    const v = num(c.value);
    let target: Target | null = null;
    if (op === "qualitative") target = { op };
    else if (op === "rating") {
      const level = ratingLevel(String(c.value ?? "").trim());
      target = level ? { op, level } : null;
    } else if (v !== null && op === "range") {
      const max = num(c.max);
      if (max !== null) target = { op, min: scale(v, op), max: scale(max, op) };
    } else if (v !== null && op === "rank") target = Number.isInteger(v) && v >= 1 ? { op, value: v } : null;
    else if (v !== null && (op === "gte" || op === "gt" || op === "lte" || op === "lt")) {
      const value = scale(v, op);
      // "7/7 tổ dân phố": the total lives only in the phrase; keep it when the phrase agrees with the cells.
      const phrase = targetText ? parseTargetPhrase(targetText) : null;
      const t = phrase?.ok ? phrase.value.target : null;
      const of = t && t.op === op && "of" in t && t.value === value ? t.of : undefined;
      target = of === undefined ? { op, value } : { op, value, of };
    }
    if (!target) {
      problems.push(
        `Chỉ tiêu ${r.id}: “Mức chỉ tiêu” (${where("value")}${op === "range" ? ` và ${where("max")}` : ""}) không đọc được cho kiểu “${OP_LABELS[op]}”.`,
      );
      continue;
    }
    indicators.push({
      id: r.id,
      text: String(c.text ?? r.id).trim() || r.id,
      unit,
      target,
      ...(targetText ? { targetText } : {}),
    });
  }
  const sectionIds = [...new Set([...sheet.sections.map((s) => s.id), ...indicators.map((i) => i.id.split(".")[0]!)])];
  const [title = "Nghị quyết", subtitle = ""] = sheet.heading;
  const year = /Năm (\d{4})/u.exec(subtitle)?.[1];
  const candidate = {
    title,
    organization: subtitle.replace(/\s*—?\s*Năm \d{4}\s*$/u, "").trim(),
    year: year ? Number(year) : null,
    sections: sectionIds
      .map((id) => ({
        id,
        title: sheet.sections.find((s) => s.id === id)?.title ?? "",
        indicators: indicators.filter((i) => i.id.split(".")[0] === id),
      }))
      .filter((s) => s.indicators.length > 0),
    warnings: [],
  };
  const parsed = ResolutionSchema.safeParse(candidate);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `Sổ theo dõi: ${i.path.join(".")}: ${i.message}`));
    return { resolution: null, problems };
  }
  return { resolution: parsed.data, problems };
}

import { compare } from "./judge";
import { itemOfId } from "./ids";
import type { Indicator, Resolution } from "./model";

/** A check across indicators (semantics.md §4): warnings, not errors. */
export type CrossCheck = { kind: "sumAtMost100"; ids: string[] } | { kind: "notGreater"; id: string; than: string };

/**
 * Shares of one whole ("Cơ cấu kinh tế", "Tỷ trọng ...") add up to at most 100%; the part of
 * the budget a ward keeps ("được hưởng") is not more than the budget collected.
 */
export function crossChecks(r: Resolution): CrossCheck[] {
  const groups = new Map<string, Indicator[]>();
  const sectionIds = r.sections.map((s) => s.id);
  // The parts of one item ("A.I.2.a", "A.I.2.b"), never the items of one section.
  for (const ind of r.sections.flatMap((s) => s.indicators)) {
    const k = itemOfId(ind.id, sectionIds);
    groups.set(k, [...(groups.get(k) ?? []), ind]);
  }
  const out: CrossCheck[] = [];
  for (const inds of groups.values()) {
    if (inds.length < 2) continue;
    const shares = inds.filter((i) => i.unit === "%");
    if (shares.length === inds.length && inds.some((i) => /cơ cấu|tỷ trọng/iu.test(i.text)))
      out.push({ kind: "sumAtMost100", ids: shares.map((i) => i.id) });
    const part = inds.find((i) => /được hưởng/iu.test(i.text));
    const whole = inds.find((i) => i !== part && /^thu ngân sách/iu.test(i.text) && i.unit === part?.unit);
    if (part && whole) out.push({ kind: "notGreater", id: part.id, than: whole.id });
  }
  return out;
}

/** Runs the cross-checks on figures as written; returns Vietnamese warnings with the ids involved. */
export function runCrossChecks(r: Resolution, figures: Record<string, unknown>): { ids: string[]; message: string }[] {
  const num = (id: string) => (typeof figures[id] === "number" ? (figures[id] as number) : null);
  const out: { ids: string[]; message: string }[] = [];
  for (const c of crossChecks(r)) {
    if (c.kind === "sumAtMost100") {
      const vals = c.ids.map(num);
      if (vals.some((v) => v === null)) continue;
      const sum = vals.reduce((a, b) => a! + b!, 0)!;
      if (compare(sum, 100) > 0)
        out.push({
          ids: c.ids,
          message: `Tổng các tỷ trọng ${c.ids.join(" + ")} là ${Number(sum.toPrecision(12))}%, vượt quá 100%.`,
        });
    } else {
      const a = num(c.id);
      const b = num(c.than);
      if (a !== null && b !== null && compare(a, b) > 0)
        out.push({
          ids: [c.id, c.than],
          message: `Chỉ tiêu ${c.id} (${a}) lớn hơn ${c.than} (${b}): phần được hưởng không thể lớn hơn tổng thu.`,
        });
    }
  }
  return out;
}

import type { Content } from "./content";
import { normalizeText } from "./text";

/**
 * The words of targets assigned from above (semantics section 10) that headers and sentences use,
 * apart from core/assigned.ts so the sheet's layout does not pull the reader into the pane's first load.
 */

/** Who assigned, when staff have not said: one word per workbook. */
export const ASSIGNED_BY_DEFAULT = "cấp trên";
/** The section of assigned targets the resolution does not have: its Mã, and its indicators' "GX.1", "GX.2", … */
export const ASSIGNED_SECTION = "GX";
/**
 * Whether a Mã is an extra assigned indicator's ("GX.1"): such an indicator is not the resolution's,
 * so the resolution's overall count (semantics section 8) leaves it out; the assigned count has it.
 */
export const isAssignedExtra = (id: string): boolean => id.startsWith(`${ASSIGNED_SECTION}.`);

/** "tỉnh", "cấp trên": the level word of a workbook's content (trimmed; the default when none). */
export const assignedByOf = (content: Pick<Content, "assignedBy"> | undefined): string => {
  const by = normalizeText(content?.assignedBy ?? "")
    .replace(/\s+/gu, " ")
    .trim();
  return by === "" ? ASSIGNED_BY_DEFAULT : by;
};
/** "Chỉ tiêu tỉnh giao": the column's header and the words of the review. */
export const assignedHeader = (by: string) => `Chỉ tiêu ${by} giao`;
/** "Chỉ tiêu tỉnh giao khác": the title of the section of extra assigned indicators. */
export const assignedSectionTitle = (by: string) => `${assignedHeader(by)} khác`;
/** The level word back from a header "Chỉ tiêu tỉnh giao" (null when the header says none). */
export function assignedByFromHeader(header: unknown): string | null {
  const m = /^\s*chỉ tiêu\s+(.+?)\s+giao\s*$/iu.exec(normalizeText(String(header ?? "")));
  return m ? m[1]! : null;
}

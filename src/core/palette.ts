import { STATUS, type Status } from "./words";

/**
 * Every colour the add-in shows, in one place: the sheets (workbook/*) and the task pane
 * (taskpane/*) import them, and test/lint/palette.test.ts fails on a hex colour anywhere else
 * under src/. Sheet colours follow Excel's own Good / Neutral / Bad cell styles; pane colours are
 * Fluent UI's neutral and semantic tokens, so the pane looks like Office around it.
 */

/** The colour of each status: the sheet's conditional formats, its legend, the summary and the pane. */
export const STATUS_COLORS: Record<Status, { fill: string; font: string }> = {
  [STATUS.exceeded]: { fill: "#1E7B34", font: "#FFFFFF" },
  [STATUS.met]: { fill: "#C6EFCE", font: "#006100" },
  [STATUS.nearMiss]: { fill: "#FFEB9C", font: "#9C5700" },
  [STATUS.notMet]: { fill: "#FFC7CE", font: "#9C0006" },
  [STATUS.noFigure]: { fill: "#EDEDED", font: "#595959" },
};

/** The sheets' colours besides the statuses. */
export const SHEET_COLORS = {
  /** Cells staff type figures into. */
  input: "#FFFDF0",
  /** The workbook's settings staff may change: the tolerance and the estimate flags. */
  setting: "#FFF2CC",
  /** Column headings. */
  header: "#D9E1F2",
  /** Section rows and totals. */
  band: "#F2F2F2",
  /** Cell borders. */
  border: "#8EA9DB",
  /** A figure or reason the check refuses: the cell's fill and the message's text. */
  warningFill: "#F8CBAD",
  warning: "#9C0006",
  /** Notes and secondary text. */
  muted: "#595959",
  /** The word lists beside the table, for dropdowns. */
  faint: "#808080",
  /** The data bar of the share met. */
  dataBar: "#63BE7B",
} as const;

/** The task pane's colours (Fluent UI tokens). */
export const PANE_COLORS = {
  /** Secondary text (neutralSecondary). */
  muted: "#605e5c",
  /** Errors (errorText). */
  error: "#a4262c",
  /** Warnings (warningText on a light background). */
  warning: "#8a6d00",
  /** Links and link-styled buttons (themePrimary). */
  link: "#0078d4",
  /** Lines between rows (neutralLighter, neutralLight). */
  rowLine: "#edebe9",
  tableLine: "#e1dfdd",
  /** A group's frame (neutralTertiaryAlt). */
  frame: "#c8c6c4",
} as const;

import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { PANE_COLORS } from "../../core/palette";

/** One stylesheet class per element kind: long lists of indicators stay cheap to render. */
export const rowStyles = mergeStyleSets({
  row: { padding: "4px 0", borderBottom: `1px solid ${PANE_COLORS.rowLine}`, fontSize: 14, lineHeight: "20px" },
  edit: {
    border: 0,
    padding: 0,
    background: "none",
    color: PANE_COLORS.link,
    cursor: "pointer",
    font: "inherit",
    selectors: {
      ":hover, :focus": { textDecoration: "underline" },
      ":focus-visible": { outline: `1px solid ${PANE_COLORS.muted}` },
    },
  },
});

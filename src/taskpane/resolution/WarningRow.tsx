import { DefaultButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import type { ParseWarning } from "../../core/model";
import type { Edit } from "./IndicatorRow";

export interface WarningRowProps {
  warning: ParseWarning;
  /** The section a line made an indicator goes into. */
  sectionId: string;
  withEdits: (edit: Edit) => void;
}

/** A line the reader could not take, with what staff can do about it. */
export function WarningRow({ warning, sectionId, withEdits }: WarningRowProps) {
  return (
    <li style={{ padding: "4px 0" }}>
      {/* Actions beside the bar, not in it: a bar with actions is a landmark region,
        and many unnamed regions are not a list a screen reader can use. */}
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        Dòng {warning.line}: “{warning.text}” — {warning.reason}
      </MessageBar>
      <div style={{ marginTop: 4 }}>
        <DefaultButton
          text="Thành chỉ tiêu"
          ariaLabel={`Đọc dòng ${warning.line} thành chỉ tiêu của phần ${sectionId}`}
          onClick={() =>
            void withEdits((e, r) =>
              e.dismissWarning(e.addIndicator(r, sectionId, warning.text).resolution, warning.line, warning.reason),
            )
          }
        />
        <DefaultButton
          text="Bỏ qua"
          ariaLabel={`Bỏ qua dòng ${warning.line}`}
          onClick={() => void withEdits((e, r) => e.dismissWarning(r, warning.line, warning.reason))}
          style={{ marginLeft: 6 }}
        />
      </div>
    </li>
  );
}

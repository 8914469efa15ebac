import { useState } from "react";
import { TextField } from "@fluentui/react/lib/TextField";
import type { Indicator } from "../../core/model";
import { formatTarget, parseTargetPhrase } from "../../core/target";
import { rowStyles } from "./styles";

export interface TargetEditorProps {
  indicator: Indicator;
  onChange: (i: Indicator) => void;
}

/** The target as text; "Sửa" opens a field (Enter keeps, Esc cancels). Light enough for long lists. */
export function TargetEditor({ indicator, onChange }: TargetEditorProps) {
  const shown = indicator.targetText ?? formatTarget(indicator.target, indicator.unit);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const commit = () => {
    if (text === null) return;
    if (text.trim() === shown) return setText(null);
    const r = parseTargetPhrase(text);
    if (!r.ok) return setError(r.message);
    setError(undefined);
    setText(null);
    onChange({ ...indicator, target: r.value.target, unit: r.value.unit || indicator.unit, targetText: text.trim() });
  };
  if (text === null)
    return (
      <div>
        Chỉ tiêu đề ra: <strong>{shown}</strong>{" "}
        <button
          type="button"
          className={rowStyles.edit}
          onClick={() => setText(shown)}
          aria-label={`Sửa chỉ tiêu đề ra của ${indicator.id}`}
        >
          Sửa
        </button>
      </div>
    );
  return (
    <TextField
      ariaLabel={`Chỉ tiêu đề ra của ${indicator.id}`}
      autoFocus
      value={text}
      onChange={(_e, v) => {
        const typed = v ?? "";
        setText(typed);
        // Checked as typed: the reader's own message while the phrase cannot be read.
        const r = parseTargetPhrase(typed);
        setError(r.ok ? undefined : r.message);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") {
          setText(null);
          setError(undefined);
        }
      }}
      errorMessage={error}
      styles={{ root: { maxWidth: 240 } }}
    />
  );
}

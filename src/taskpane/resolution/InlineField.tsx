import { useState } from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { Stack } from "@fluentui/react/lib/Stack";
import { TextField } from "@fluentui/react/lib/TextField";
import { capitalize } from "../../core/text";

export interface InlineFieldProps {
  label: string;
  initial: string;
  /** The problem with a value as typed, or null when it can be kept. */
  validate: (value: string) => string | null;
  onSave: (value: string) => void;
  onCancel: () => void;
}

/**
 * One field edited in place, checked as it is typed (the schema's Vietnamese message): Enter or
 * "Lưu" keeps a valid value, Esc or "Hủy" cancels.
 */
export function InlineField({ label, initial, validate, onSave, onCancel }: InlineFieldProps) {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  const problem = validate(value);
  const save = () => {
    setTouched(true);
    if (!problem) onSave(value);
  };
  return (
    <Stack horizontal tokens={{ childrenGap: 6 }} verticalAlign="end">
      <TextField
        ariaLabel={label}
        autoFocus
        value={value}
        onChange={(_e, v) => {
          setValue(v ?? "");
          setTouched(true);
        }}
        errorMessage={touched && problem ? problem : undefined}
        onKeyDown={(e) => {
          if (e.key === "Enter") save();
          if (e.key === "Escape") onCancel();
        }}
        styles={{ root: { flexGrow: 1 } }}
      />
      <DefaultButton text="Lưu" onClick={save} ariaLabel={`Lưu: ${label}`} />
      <DefaultButton text="Hủy" onClick={onCancel} ariaLabel={`Hủy: ${label}`} />
    </Stack>
  );
}

/** The first Vietnamese message of a schema check, or null when the value passes. */
export function schemaProblem(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  if (result.success) return null;
  return capitalize(result.error?.issues[0]?.message ?? "không hợp lệ");
}

import { rowStyles } from "./styles";

export interface ActProps {
  /** The accessible name: what it does to which indicator or section. */
  label: string;
  text: string;
  onClick: () => void;
}

/** A link-styled button whose accessible name says what it does to which indicator or section. */
export function Act({ label, text, onClick }: ActProps) {
  return (
    <button
      type="button"
      className={rowStyles.edit}
      onClick={onClick}
      aria-label={label}
      style={{ marginRight: 10, fontSize: 12 }}
    >
      {text}
    </button>
  );
}

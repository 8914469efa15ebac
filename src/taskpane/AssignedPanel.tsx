import { useState } from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { TextField } from "@fluentui/react/lib/TextField";
import { addAssigned, assignedItemsFromText, type AssignedItem } from "../core/assigned";
import { assignedHeader, assignedSectionTitle } from "../core/assigned-words";
import type { Resolution } from "../core/model";
import { PANE_COLORS } from "../core/palette";
import { describePair, matchAssigned, type AssignedChoice, type AssignedMatch } from "../workbook/assigned";

interface Props {
  resolution: Resolution;
  chosen: AssignedChoice | null;
  onChoose: (c: AssignedChoice | null) => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Items from a chosen file: an .xlsx table, or a list in .txt, .docx or a text PDF (the readers load when needed). */
async function itemsOfFile(f: File): Promise<{ items: AssignedItem[]; problems: string[] }> {
  const { fileText, readFileBytes } = await import(/* webpackChunkName: "file-import" */ "./file-import");
  if (/\.xlsx$/iu.test(f.name)) {
    const { assignedItemsFromXlsx } = await import(/* webpackChunkName: "xlsx" */ "../workbook/assigned-xlsx");
    return { items: await assignedItemsFromXlsx(await readFileBytes(f), f.name), problems: [] };
  }
  return assignedItemsFromText(await fileText(f));
}

/**
 * "Chỉ tiêu cấp trên giao": a pasted list or a file, matched to the indicators by identity (the
 * carry-over rule); staff see each pair, decide the unsure ones, and confirm. Unmatched items become
 * indicators of the section "Chỉ tiêu <cấp> giao khác". Nothing is written until the sheet is inserted.
 */
export function AssignedPanel({ resolution, chosen, onChoose }: Props) {
  const [by, setBy] = useState(chosen?.by ?? "tỉnh");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<{ items: AssignedItem[]; match: AssignedMatch; problems: string[] } | null>(null);
  // Staff's answer per unsure pair, by item number: it is that indicator, or not (then an indicator of its own).
  const [same, setSame] = useState<Record<number, boolean>>({});

  const read = (got: { items: AssignedItem[]; problems: string[] }) => {
    if (got.items.length === 0)
      return setError("Không đọc được chỉ tiêu giao nào (cần mỗi dòng một chỉ tiêu và mức giao).");
    setError(null);
    setSame({});
    setFound({ ...got, match: matchAssigned(resolution, got.items) });
  };
  const fromText = () => {
    try {
      read(assignedItemsFromText(text));
    } catch (e) {
      setError(message(e));
    }
  };
  const fromFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      read(await itemsOfFile(f));
    } catch (e) {
      setError(`Tệp “${f.name}”: ${message(e)}`);
    }
  };
  const confirm = () => {
    if (!found) return;
    const confirmed = found.match.maybe.filter((m) => same[m.item]).map((m) => ({ item: m.item, to: m.to }));
    const match = matchAssigned(resolution, found.items, confirmed);
    // A pair staff said is not the same: an indicator of its own, so nothing assigned is dropped.
    const list = {
      byId: match.list.byId,
      extra: [
        ...match.list.extra,
        ...match.maybe.filter((m) => same[m.item] === false).map((m) => ({ text: m.text, phrase: m.phrase })),
      ],
    };
    const problems = addAssigned(resolution, { rows: {} }, list, by).problems;
    if (problems.length > 0) return setError(problems.join(" "));
    onChoose({ list, by: by.trim() || "cấp trên" });
    setFound(null);
  };

  const undecided = found?.match.maybe.filter((m) => same[m.item] === undefined) ?? [];
  return (
    <fieldset style={{ border: `1px solid ${PANE_COLORS.frame}`, margin: 0, padding: 8 }}>
      <legend style={{ fontWeight: 600, fontSize: 14 }}>Chỉ tiêu cấp trên giao</legend>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField
          label="Cấp giao"
          value={by}
          onChange={(_e, v) => setBy(v ?? "")}
          styles={{ root: { maxWidth: 200 } }}
        />
        <TextField
          label="Dán danh sách chỉ tiêu giao (mỗi dòng một chỉ tiêu và mức giao)"
          multiline
          rows={4}
          value={text}
          onChange={(_e, v) => setText(v ?? "")}
        />
        <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
          <DefaultButton text="Khớp với chỉ tiêu" onClick={fromText} disabled={text.trim() === ""} />
          <label>
            Hoặc chọn tệp (.txt, .docx, .pdf, .xlsx):{" "}
            <input
              type="file"
              aria-label="Tệp chỉ tiêu giao"
              accept=".txt,.docx,.pdf,.xlsx"
              onChange={(e) => void fromFile(e.target.files?.[0])}
            />
          </label>
        </Stack>
        {error && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {error}
          </MessageBar>
        )}
        {found && (
          <div>
            <p style={{ margin: "4px 0" }}>
              Đọc được {found.items.length} chỉ tiêu giao; khớp {found.match.matched.length} theo nội dung.
            </p>
            {found.match.matched.length > 0 && (
              <ul aria-label="Khớp theo nội dung" style={{ margin: "4px 0", paddingLeft: 18 }}>
                {found.match.matched.map((p) => (
                  <li key={p.item}>{describePair(p)}</li>
                ))}
              </ul>
            )}
            {found.match.maybe.length > 0 && (
              <ul aria-label="Có thể là cùng chỉ tiêu" style={{ margin: "4px 0", paddingLeft: 0, listStyle: "none" }}>
                {found.match.maybe.map((m) => (
                  <li key={m.item}>
                    <fieldset style={{ border: `1px solid ${PANE_COLORS.frame}`, margin: 0, padding: 6 }}>
                      <legend>{describePair(m)}</legend>
                      {([true, false] as const).map((yes) => (
                        <label key={String(yes)} style={{ marginRight: 12 }}>
                          <input
                            type="radio"
                            name={`assigned-${m.item}`}
                            checked={same[m.item] === yes}
                            onChange={() => setSame((now) => ({ ...now, [m.item]: yes }))}
                          />{" "}
                          {yes ? `Là ${m.to}` : "Chỉ tiêu riêng"}
                        </label>
                      ))}
                    </fieldset>
                  </li>
                ))}
              </ul>
            )}
            {found.match.extra.length > 0 && (
              <>
                Không khớp chỉ tiêu nào của nghị quyết — thêm vào phần “{assignedSectionTitle(by || "cấp trên")}”:
                <ul aria-label="Chỉ tiêu giao khác" style={{ margin: "4px 0", paddingLeft: 18 }}>
                  {found.match.extra.map((x) => (
                    <li key={x.where + x.text}>
                      “{x.text}” ({x.phrase})
                    </li>
                  ))}
                </ul>
              </>
            )}
            {found.problems.length > 0 && (
              <MessageBar messageBarType={MessageBarType.warning} isMultiline>
                Không đọc được: {found.problems.join("; ")}
              </MessageBar>
            )}
            <PrimaryButton
              text="Dùng các chỉ tiêu giao này"
              onClick={confirm}
              disabled={undecided.length > 0}
              title={undecided.length > 0 ? "Chọn cho từng cặp “có thể là cùng chỉ tiêu”" : undefined}
            />
          </div>
        )}
        {chosen && !found && (
          <MessageBar
            messageBarType={MessageBarType.success}
            isMultiline
            onDismiss={() => onChoose(null)}
            dismissButtonAriaLabel="Bỏ chỉ tiêu giao"
          >
            Đã chọn {Object.keys(chosen.list.byId).length + chosen.list.extra.length} chỉ tiêu{" "}
            {assignedHeader(chosen.by).slice("Chỉ tiêu ".length)}; sẽ ghi vào cột “{assignedHeader(chosen.by)}” khi chèn
            sổ.
          </MessageBar>
        )}
      </Stack>
    </fieldset>
  );
}

import { useRef, useState, type ChangeEvent } from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { BUILTIN_RESOLUTION } from "../core/builtin";
import type { Indicator, ParseWarning, Resolution } from "../core/model";
import { formatTarget, parseTargetPhrase } from "../core/target";
import { saveFile } from "./download";

/** The target as text; "Sửa" opens a field (Enter keeps, Esc cancels). Light enough for long lists. */
function TargetEditor({ indicator, onChange }: { indicator: Indicator; onChange: (i: Indicator) => void }) {
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
      onChange={(_e, v) => setText(v ?? "")}
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

type Line = { line: number; indicator?: Indicator; warning?: ParseWarning };

/** One stylesheet class per element kind: long lists of indicators stay cheap to render. */
const rowStyles = mergeStyleSets({
  row: { padding: "4px 0", borderBottom: "1px solid #edebe9", fontSize: 14, lineHeight: "20px" },
  edit: {
    border: 0,
    padding: 0,
    background: "none",
    color: "#0078d4",
    cursor: "pointer",
    font: "inherit",
    selectors: {
      ":hover, :focus": { textDecoration: "underline" },
      ":focus-visible": { outline: "1px solid #605e5c" },
    },
  },
});

export function ResolutionTab({ resolution, onChange }: { resolution: Resolution; onChange: (r: Resolution) => void }) {
  const [mode, setMode] = useState<"builtin" | "paste">("builtin");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const adopt = (r: Resolution, what: string) => {
    setError(null);
    setNotice(
      `${what}: ${r.sections.reduce((n, s) => n + s.indicators.length, 0)} chỉ tiêu trong ${r.sections.length} phần.`,
    );
    onChange(r);
  };
  const reader = () => import(/* webpackChunkName: "reader" */ "./reader");
  const read = async () => {
    const { ResolutionTextError, parseResolution } = await reader();
    try {
      adopt(parseResolution(text), "Đã đọc nghị quyết");
    } catch (e) {
      setNotice(null);
      setError(e instanceof ResolutionTextError ? e.message : `Không đọc được văn bản: ${(e as Error).message}`);
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    setBusy(`Đang đọc tệp ${f.name}…`);
    const { InputError, ResolutionTextError, resolutionFromText } = await reader();
    try {
      const { fileText } = await import(/* webpackChunkName: "file-import" */ "./file-import");
      const content = await fileText(f);
      try {
        adopt(resolutionFromText(content, `Tệp "${f.name}"`), `Đã nhập tệp ${f.name}`);
      } catch (err) {
        if (!(err instanceof InputError && /không phải JSON hợp lệ/u.test(err.message))) throw err;
        // Only a broken JSON file needs the locator: load it then, to say where the error is.
        const { locateJsonError } = await import(/* webpackChunkName: "json-locate" */ "../core/json-locate");
        resolutionFromText(content, `Tệp "${f.name}"`, locateJsonError);
      }
    } catch (err) {
      setNotice(null);
      setError(
        err instanceof InputError
          ? err.message
          : err instanceof ResolutionTextError
            ? `Tệp "${f.name}": ${err.message}`
            : `Không đọc được tệp "${f.name}": ${(err as Error).message}`,
      );
    } finally {
      setBusy(null);
    }
  };
  const edit = (sectionId: string, ind: Indicator) =>
    onChange({
      ...resolution,
      sections: resolution.sections.map((s) =>
        s.id !== sectionId ? s : { ...s, indicators: s.indicators.map((i) => (i.id === ind.id ? ind : i)) },
      ),
    });

  return (
    <Stack tokens={{ childrenGap: 10 }} styles={{ root: { paddingTop: 8 } }}>
      <Text as="h2" variant="medium" block styles={{ root: { fontWeight: 600, margin: 0 } }} id="chon-nghi-quyet">
        Nghị quyết dùng để lập sổ
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} role="group" aria-labelledby="chon-nghi-quyet">
        <DefaultButton
          toggle
          checked={mode === "builtin"}
          text="Nghị quyết mẫu 2022 (phường Trần Phú)"
          onClick={() => {
            setMode("builtin");
            adopt(BUILTIN_RESOLUTION, "Đang dùng nghị quyết mẫu");
          }}
        />
        <DefaultButton
          toggle
          checked={mode === "paste"}
          text="Dán văn bản nghị quyết"
          onClick={() => setMode("paste")}
        />
      </Stack>
      {mode === "paste" && (
        <>
          <TextField
            label="Văn bản nghị quyết"
            multiline
            rows={8}
            value={text}
            onChange={(_e, v) => setText(v ?? "")}
            placeholder={"I. CÔNG TÁC XÂY DỰNG ĐẢNG\n1. Kết nạp từ 3 - 5 đảng viên; ..."}
          />
          <PrimaryButton text="Đọc nghị quyết" onClick={read} disabled={text.trim() === ""} />
        </>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <DefaultButton
          text="Nhập tệp (.docx, .pdf, .txt, .json)…"
          onClick={() => file.current?.click()}
          disabled={busy !== null}
        />
        <DefaultButton
          text="Xuất JSON"
          onClick={() =>
            saveFile(
              `nghi-quyet-${resolution.year ?? "chi-tieu"}.json`,
              `${JSON.stringify(resolution, null, 2)}\n`,
              "application/json",
            )
          }
        />
        <input
          ref={file}
          type="file"
          accept=".docx,.pdf,.json,.txt,application/json,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          onChange={importFile}
          aria-label="Chọn tệp nghị quyết"
        />
      </Stack>
      {busy && (
        <Text role="status" block>
          {busy}
        </Text>
      )}
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
        </MessageBar>
      )}
      {notice && <MessageBar messageBarType={MessageBarType.success}>{notice}</MessageBar>}
      {resolution.warnings.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {resolution.warnings.length} dòng có số liệu nhưng chưa đọc được thành chỉ tiêu (xem các dòng đánh dấu bên
          dưới).
        </MessageBar>
      )}
      {resolution.sections.map((s) => {
        const lines: Line[] = s.indicators.map((i) => ({ line: i.line ?? 0, indicator: i }));
        const first = s.indicators[0]?.line ?? Infinity;
        const next = resolution.sections[resolution.sections.indexOf(s) + 1]?.indicators[0]?.line ?? Infinity;
        for (const w of resolution.warnings)
          if (w.line >= first - 1 && w.line < next) lines.push({ line: w.line, warning: w });
        lines.sort((a, b) => a.line - b.line);
        return (
          <section key={s.id} aria-labelledby={`sec-${s.id}`}>
            <Text
              as="h2"
              id={`sec-${s.id}`}
              variant="mediumPlus"
              block
              styles={{ root: { fontWeight: 600, margin: "8px 0 4px" } }}
            >
              {s.id}. {s.title}
            </Text>
            <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {lines.map((l) =>
                l.indicator ? (
                  <li key={l.indicator.id} className={rowStyles.row}>
                    <div>
                      <strong>{l.indicator.id}</strong> {l.indicator.text}
                      {l.indicator.unit ? ` (${l.indicator.unit})` : ""}
                    </div>
                    <TargetEditor indicator={l.indicator} onChange={(i) => edit(s.id, i)} />
                  </li>
                ) : (
                  <li key={`w${l.line}${l.warning!.reason}`} style={{ padding: "4px 0" }}>
                    <MessageBar messageBarType={MessageBarType.warning} isMultiline>
                      Dòng {l.warning!.line}: “{l.warning!.text}” — {l.warning!.reason}
                    </MessageBar>
                  </li>
                ),
              )}
            </ul>
          </section>
        );
      })}
    </Stack>
  );
}

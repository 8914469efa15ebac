import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";
import { browserHost, excelHost, type Host } from "./host";
import { PANE_COLORS } from "../core/palette";

/** What boot() needs of Office.js. */
export interface OfficeReady {
  onReady(callback: (info: { host: unknown }) => void): unknown;
  HostType: { Excel: unknown };
}

export const CONNECTING = "Đang kết nối với Excel…";

/**
 * Starts the pane without a race: "Đang kết nối với Excel…" while Office.js has not answered; the
 * browser pane after `fallbackMs` (Office.onReady never answers in some plain browsers); and the
 * Excel pane whenever Office reports Excel, even after the fallback (office.js can take more than
 * 3 s to load on a slow ward PC).
 */
export function boot(
  el: HTMLElement,
  office: OfficeReady | undefined,
  fallbackMs = 3000,
  hosts: { excel: () => Host; browser: () => Host } = { excel: () => excelHost(), browser: browserHost },
): Root {
  const root = createRoot(el);
  const show = (host: Host) => root.render(<App key={host.kind} host={host} />);
  if (!office) {
    show(hosts.browser());
    return root;
  }
  let answered = false;
  root.render(
    <p role="status" style={{ padding: 16, color: PANE_COLORS.muted }}>
      {CONNECTING}
    </p>,
  );
  const timer = setTimeout(() => answered || show(hosts.browser()), fallbackMs);
  office.onReady((info) => {
    answered = true;
    clearTimeout(timer);
    performance.mark?.("chitieu:office-ready");
    show(info.host === office.HostType.Excel ? hosts.excel() : hosts.browser());
  });
  return root;
}

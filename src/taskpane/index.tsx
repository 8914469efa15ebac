import { createRoot } from "react-dom/client";
import { App } from "./App";
import { browserHost, excelHost } from "./host";

/** Entry of the shared-runtime page: inside Excel it drives the workbook, in a browser it offers the .xlsx. */
function start(inExcel: boolean): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App host={inExcel ? excelHost() : browserHost()} />);
}

performance.mark?.("chitieu:script");
let started = false;
const once = (inExcel: boolean) => {
  if (started) return;
  started = true;
  performance.mark?.("chitieu:office-ready");
  start(inExcel);
};
if (typeof Office !== "undefined") {
  Office.onReady((info) => once(info.host === Office.HostType.Excel));
  // Office.onReady never resolves in some plain browsers without a host: fall back after a moment.
  setTimeout(() => once(false), 3000);
} else once(false);

import { boot } from "./boot";

/** Entry of the shared-runtime page: inside Excel it drives the workbook, in a browser it offers the .xlsx. */
performance.mark?.("chitieu:script");
const root = document.getElementById("root");
if (root) boot(root, typeof Office !== "undefined" ? Office : undefined);

/** The resolution readers, loaded when staff paste or import a resolution (not for the first screen). */
export { InputError, resolutionFromText } from "../core/input";
export { ResolutionTextError, parseResolution } from "../core/parser";
export {
  addIndicator,
  deleteIndicator,
  dismissWarning,
  moveIndicator,
  moveToSection,
  renameSection,
  updateIndicator,
} from "../core/edit";

import { toJSONSchema } from "zod/v4/core";
import { ActualsFileSchema } from "../core/input";
import { ResolutionSchema } from "../core/model";

/** JSON Schemas generated from the zod schemas (the single definition). CLI only: the pane does not need them. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    resolution: toJSONSchema(ResolutionSchema, { io: "input" }),
    actuals: toJSONSchema(ActualsFileSchema, { io: "input" }),
  };
}

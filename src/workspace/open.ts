import { resolve } from "node:path";
import type { Inputs } from "../tasks/inputs.js";
import type { Log } from "../tasks/context.js";
import { LocalWorkspace } from "./local/index.js";
import type { Workspace } from "./workspace.js";

/** Opens the workspace the inputs name. Backends are chosen here and nowhere else. */
export async function openWorkspace(inputs: Inputs, cwd: string, _log: Log): Promise<Workspace> {
  const backend = inputs.string("backend") ?? "local";
  switch (backend) {
    case "local":
      return LocalWorkspace.open(resolve(cwd, inputs.string("workspaceDir") ?? ".mlops"));
    default:
      throw new Error(`backend '${backend}' is not available in this build`);
  }
}

import type { InputSpec } from "./spec.js";

/** Inputs every task takes: which workspace to act on. */
export const WORKSPACE_INPUTS: readonly InputSpec[] = [
  {
    name: "backend",
    type: "choice",
    options: ["local", "azureml"],
    default: "local",
    description: "Where the ML work happens: `local` (an embedded workspace in a folder) or `azureml` (an Azure Machine Learning workspace).",
    advanced: true,
  },
  {
    name: "workspaceDir",
    type: "path",
    default: ".mlops",
    description: "Folder of the local workspace (backend `local`), relative to the working directory.",
    advanced: true,
  },
];

import { AzureDevOpsHost } from "../hosts/azure-devops.js";
import { runTask } from "../hosts/run-task.js";

process.exitCode = (await runTask(new AzureDevOpsHost())).exitCode;

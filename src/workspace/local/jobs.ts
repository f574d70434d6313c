import type { JobRecord, JobService, SubmitOptions, WaitOptions } from "../workspace.js";
import type { PipelineJob } from "../../pipeline/model.js";

/** Pipeline jobs run by the local runner. (Being built: see src/pipeline/.) */
export class LocalJobs implements JobService {
  constructor(private readonly root: string) {}
  async submit(_job: PipelineJob, _options: SubmitOptions): Promise<string> {
    throw new Error(`local pipeline runner not built yet (${this.root})`);
  }
  async wait(_name: string, _options: WaitOptions): Promise<JobRecord> {
    throw new Error("local pipeline runner not built yet");
  }
  async get(_name: string): Promise<JobRecord | undefined> {
    return undefined;
  }
  async cancel(_name: string): Promise<void> {}
}

import type { Log } from "../../tasks/context.js";
import type { DeploymentState, EndpointService, EndpointState, NewDeployment, ScoreResponse } from "../workspace.js";

/** Local online endpoints. (Being built.) */
export class LocalEndpoints implements EndpointService {
  constructor(private readonly root: string) {}
  async get(_name: string): Promise<EndpointState | undefined> {
    return undefined;
  }
  async list(): Promise<EndpointState[]> {
    return [];
  }
  async ensure(_name: string, _log: Log): Promise<EndpointState> {
    throw new Error(`local endpoints not built yet (${this.root})`);
  }
  async createDeployment(_e: string, _d: NewDeployment, _log: Log): Promise<DeploymentState> {
    throw new Error("local endpoints not built yet");
  }
  async setTraffic(_e: string, _t: Record<string, number>, _log: Log): Promise<EndpointState> {
    throw new Error("local endpoints not built yet");
  }
  async deleteDeployment(_e: string, _d: string, _log: Log): Promise<void> {}
  async invoke(_e: string, _body: string, _d?: string): Promise<ScoreResponse> {
    throw new Error("local endpoints not built yet");
  }
  async delete(_name: string, _log: Log): Promise<void> {}
}

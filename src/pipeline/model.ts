/**
 * The parsed form of an Azure ML pipeline job YAML (the file `az ml job create -f` takes).
 * Both backends consume it: the local runner executes it, the Azure backend compiles it to REST.
 */
export interface PipelineJob {
  /** Absolute path of the YAML file it was read from. */
  file: string;
  /** The document as written (after `set` overrides), keys preserved. */
  raw: Record<string, unknown>;
}

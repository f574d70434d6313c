/** A URI of data already in storage (registered in place, never copied or read to fingerprint). */
export function isRemoteUri(source: string): boolean {
  return /^(azureml|abfss?|wasbs?|https?|adl|s3|gs):\/\//i.test(source) || /^azureml:[^/]/.test(source);
}

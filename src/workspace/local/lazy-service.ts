/** The keys of `T` whose values are (possibly optional) methods returning a promise. */
export type AsyncMethodName<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/**
 * A service whose module loads on its first call. The local job runner and the serving processes
 * pull in the pipeline parser, YAML, child processes and HTTP: a register-dataset or validate-data
 * run needs none of them, and loading them was a large part of its start-up (bench/startup.ts).
 * Only the methods named exist on the result, so a capability the service lacks stays absent.
 */
export function lazyService<T extends object, K extends AsyncMethodName<T>>(
  load: () => Promise<T>,
  methods: readonly K[],
): Pick<T, K> {
  let loaded: Promise<T> | undefined;
  const service: Partial<Record<K, unknown>> = {};
  for (const name of methods) {
    service[name] = async (...args: unknown[]) => {
      loaded ??= load();
      const target = await loaded;
      return (target[name] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
    };
  }
  return service as Pick<T, K>;
}

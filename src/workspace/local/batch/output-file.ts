/**
 * The job's output file, written the way a killed job can leave no half of: rows go to a temp
 * name beside the final one (`<file>.tmp-<pid>-<random>`, which the next run removes when its
 * process is gone), and the whole file is renamed into place once every mini-batch is scored.
 * Mini-batches finish in any order; their rows are written in input order, so the same input
 * gives the same file (Azure ML appends in completion order, which it does not promise either).
 */
import { type FileHandle, mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { syncDir, tempName } from "../../../util/files.js";

export class OrderedOutput {
  private readonly pending = new Map<number, string>();
  private next = 0;
  private chain: Promise<void> = Promise.resolve();
  private advanced: (() => void)[] = [];

  private constructor(
    readonly file: string,
    readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(dir: string, name: string): Promise<OrderedOutput> {
    await mkdir(dir, { recursive: true });
    const file = join(dir, name);
    const temp = tempName(file);
    // "wx": a fresh file, never written through an existing one or a link.
    return new OrderedOutput(file, temp, await open(temp, "wx"));
  }

  /** The rows of mini-batch `index` ("" for a failed one); written once all before it are. */
  put(index: number, text: string): void {
    this.pending.set(index, text);
    const before = this.next;
    let chunk = "";
    while (this.pending.has(this.next)) {
      chunk += this.pending.get(this.next);
      this.pending.delete(this.next);
      this.next++;
    }
    if (chunk) this.chain = this.chain.then(() => this.handle.write(chunk).then(() => undefined));
    if (this.next !== before) for (const wake of this.advanced.splice(0)) wake();
  }

  /** Mini-batches before this one are all written (the ones after it may wait in memory). */
  get written(): number {
    return this.next;
  }

  /** Resolves the next time `written` moves. */
  advance(): Promise<void> {
    return new Promise((resolve) => this.advanced.push(resolve));
  }

  /** All rows written, synced, and the file renamed into place. */
  async commit(): Promise<string> {
    await this.chain;
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.file);
    await syncDir(join(this.file, ".."));
    return this.file;
  }

  /** Nothing is published: the temp file goes. */
  async discard(): Promise<void> {
    await this.chain.catch(() => {});
    await this.handle.close().catch(() => {});
    await rm(this.temp, { force: true });
  }
}

// `npm run bench -- startup`: how long a local register-dataset of a small file takes through each
// built bundle in dist/ (as the runner, the agent and a shell start it), against a bare
// `node -e 0` measured in the same run, interleaved so a busy machine slows both alike. Most of
// a short task's time is loading the bundle, so this ratio is the start-up cost users feel.
// It measures dist/ as it is (run `node scripts/build.mjs` first to measure the working tree), or
// the bundles in MLOPS_BENCH_DIST, such as `node scripts/build.mjs --out /tmp/d --from HEAD~3`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const dist = process.env.MLOPS_BENCH_DIST || join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const ROUNDS = Number(process.env.MLOPS_BENCH_ROUNDS) || 15;
const CSV = "age,bmi,target\n59,32.1,151\n48,21.6,75\n72,30.5,141\n";

interface Case {
  name: string;
  /** Arguments to node and the environment for run number `i` (a fresh workspace each time). */
  command(cwd: string, i: number): { args: string[]; env: Record<string, string> };
}

const inputs = (i: number) => ({ name: "diabetes", path: "data.csv", workspaceDir: `ws-${i}` });

const CASES: Case[] = [
  { name: "node -e 0", command: () => ({ args: ["-e", "0"], env: {} }) },
  {
    name: "github bundle",
    command: (cwd, i) => ({
      args: [join(dist, "github", "index.js")],
      env: {
        INPUT_TASK: "register-dataset",
        GITHUB_OUTPUT: join(cwd, "github_output"),
        ...Object.fromEntries(Object.entries(inputs(i)).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      },
    }),
  },
  {
    name: "azure-devops bundle",
    command: (cwd, i) => ({
      args: [join(dist, "azure-devops", "index.js")],
      env: {
        INPUT_COMMAND: "register-dataset",
        AGENT_TEMPDIRECTORY: cwd,
        ...Object.fromEntries(Object.entries(inputs(i)).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      },
    }),
  },
  {
    name: "cli bundle",
    command: (_cwd, i) => ({
      args: [
        join(dist, "cli", "index.js"),
        "register-dataset",
        ...Object.entries(inputs(i)).flatMap(([k, v]) => [`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, v]),
      ],
      env: {},
    }),
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Each run also reports its own CPU time (user + system, from its start to its exit) through this
// preloaded module: on a busy machine wall time swings with the load, CPU time much less.
const CPU_REPORT = `data:text/javascript,${encodeURIComponent(
  'import{writeFileSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeFileSync(process.env.MLOPS_BENCH_CPU_FILE,String((u.user+u.system)/1000))})',
)}`;

function time(cwd: string, c: Case, i: number): { wall: number; cpu: number } {
  const { args, env } = c.command(cwd, i);
  const cpuFile = join(cwd, "cpu-ms");
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", CPU_REPORT, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", MLOPS_BENCH_CPU_FILE: cpuFile, ...env },
    encoding: "utf8",
  });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`${c.name} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return { wall, cpu: Number(readFileSync(cpuFile, "utf8")) };
}

export async function bench(): Promise<void> {
  for (const host of ["github", "azure-devops", "cli"]) {
    if (!existsSync(join(dist, host, "index.js")))
      throw new Error(`${join(dist, host, "index.js")} is missing: run node scripts/build.mjs`);
  }
  const built = statSync(join(dist, "github", "index.js")).mtime.toISOString();
  const dir = await mkdtemp(join(tmpdir(), "mlops-bench-startup-"));
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "data.csv"), CSV);
    await writeFile(join(dir, "github_output"), "");
    const wall = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
    const cpu = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
    // One warm-up round fills the page cache for every bundle; then rounds interleave the cases.
    for (let round = -1; round < ROUNDS; round++) {
      for (const c of CASES) {
        const t = time(dir, c, round + 1);
        if (round < 0) continue;
        wall.get(c.name)?.push(t.wall);
        cpu.get(c.name)?.push(t.cpu);
      }
    }
    const bareWall = median(wall.get(CASES[0].name) ?? []);
    const bareCpu = median(cpu.get(CASES[0].name) ?? []);
    process.stdout.write(
      `${dist} built ${built}; Node ${process.version}; medians of ${ROUNDS} runs, each a fresh local workspace\n`,
    );
    process.stdout.write(
      `${"".padEnd(22)} ${"wall".padStart(8)} ${"ratio".padStart(7)} ${"cpu".padStart(8)} ${"ratio".padStart(7)}\n`,
    );
    for (const c of CASES) {
      const w = median(wall.get(c.name) ?? []);
      const u = median(cpu.get(c.name) ?? []);
      process.stdout.write(
        `${c.name.padEnd(22)} ${`${w.toFixed(0)} ms`.padStart(8)} ${`${(w / bareWall).toFixed(2)}×`.padStart(7)} ${`${u.toFixed(0)} ms`.padStart(8)} ${`${(u / bareCpu).toFixed(2)}×`.padStart(7)}\n`,
      );
    }
    process.stdout.write("ratio: against `node -e 0` in the same run; the target is at most 2.5× (wall).\n");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

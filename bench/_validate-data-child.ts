// Child process of bench/validate-data.ts: profiles one file the way validate-data does and
// prints the time and this process's peak RSS as JSON.
import { profileData } from "../src/data/profile-data.js";

const t = performance.now();
const profile = await profileData(process.argv[2], { badRows: "error" });
process.stdout.write(
  `${JSON.stringify({ seconds: (performance.now() - t) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, rows: profile.rows })}\n`,
);

/**
 * Preloaded into a measured child process (`node --import .../rss-probe.js ...`): on exit it
 * writes the process's peak resident set size (getrusage's ru_maxrss, in KiB) and its CPU time
 * (user and system, in microseconds) to the file named by BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }));
  });
}

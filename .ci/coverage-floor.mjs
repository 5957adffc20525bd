// Fails the test run when coverage drops below the floor documented in .taprc.
import { readFileSync } from 'node:fs';

const floor = { lines: 98, branches: 93 };
const summary = JSON.parse(readFileSync('.tap/report/coverage-summary.json', 'utf8')).total;
const low = Object.entries(floor).filter(([k, min]) => summary[k].pct < min);
for (const [k, min] of low) console.error(`coverage: ${k} ${summary[k].pct}% is below the floor of ${min}%`);
if (low.length > 0) process.exit(1);
console.log(`coverage: lines ${summary.lines.pct}%, branches ${summary.branches.pct}% (floor ${floor.lines}/${floor.branches})`);

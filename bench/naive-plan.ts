/**
 * `node bench/.build/bench/naive-plan.js --config FILE --at ISO`: `oncall-access plan --format
 * json` with the naive adapters of ./naive.ts instead of the real ones. Same loading, engine and
 * output; only how the data is read differs.
 */
import { parseArgs } from 'node:util';
import { loadWorkspace } from '../src/config/load.js';
import { computePlan } from '../src/apply/engine.js';
import { readOnlyFetch } from '../src/http/read-only.js';
import { renderJson } from '../src/render/json.js';
import { readState } from '../src/record/state.js';
import { NaiveSource, NaiveTarget } from './naive.js';

const { values } = parseArgs({ options: { config: { type: 'string' }, at: { type: 'string' } } });
const { workspace: ws, diagnostics } = loadWorkspace(values.config!);
if (!ws) {
  process.stderr.write(`${JSON.stringify(diagnostics)}\n`);
  process.exit(1);
}
const fetch = readOnlyFetch(globalThis.fetch);
const sources = new Map([...ws.config.sources.values()].map((s) => [s.name, new NaiveSource({ apiUrl: s.apiUrl!, token: process.env[s.tokenEnv!]!, fetch })]));
const targets = new Map([...ws.config.targets.values()].map((t) => [t.name, new NaiveTarget({ baseUrl: t.apiUrl!, token: process.env[t.tokenEnv!]!, fetch })]));
const plan = await computePlan(ws, { sources, targets, diagnostics: [] }, { at: new Date(values.at!), now: new Date(), state: readState(ws.config.paths.state) });
process.stdout.write(renderJson(plan));

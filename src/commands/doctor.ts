/**
 * `oncall-access doctor`: can the tokens this config is given do its job? One line per check of
 * every source and target (see `doctor.ts`), before the first scheduled run finds out. Read-only
 * like `plan`: the HTTP layer refuses any request that could write.
 */
import { checkLine, doctorChecks } from '../observe/doctor.js';
import { readOnlyFetch } from '../http/read-only.js';
import { EXIT, type Io } from '../io.js';
import { redact, secretsIn } from '../util/redact.js';
import { sanitizeText } from '../render/text.js';
import { plural } from '../core/wording.js';
import { loadOrReport, tokenEnvs } from './reconcile.js';

/** Output formats of `doctor`. */
export type DoctorFormat = 'text' | 'json';

/** Options of `doctor`. */
export interface DoctorOptions {
  config: string;
  format: DoctorFormat;
}

/** Runs `doctor`; exit 0 when nothing the config needs is missing, 1 otherwise (or on an invalid config). */
export async function runDoctor(opts: DoctorOptions, io: Io): Promise<number> {
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const secrets = secretsIn(io.env, tokenEnvs(ws));
  const checks = (await doctorChecks(ws, io.env, readOnlyFetch(io.fetch), io.now())).map((c) => (c.detail === undefined ? c : { ...c, detail: redact(c.detail, secrets) }));
  const missing = checks.filter((c) => c.status === 'missing').length;
  const unverified = checks.filter((c) => c.status === 'unverified').length;
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify({ ok: missing === 0, missing, unverified, checks }, null, 2)}\n`);
  } else {
    const unsure = unverified ? `, ${unverified} unverified (doctor cannot tell without writing)` : '';
    const tail = missing === 0 ? `Nothing missing: ${plural(checks.length - unverified, 'check')} ok${unsure}.` : `Missing: ${missing} of ${plural(checks.length, 'check')}${unsure}. Grant or set what each missing line says, then run doctor again.`;
    io.stdout.write(`${[...checks.map((c) => sanitizeText(checkLine(c))), tail].join('\n')}\n`);
  }
  return missing === 0 ? EXIT.ok : EXIT.error;
}

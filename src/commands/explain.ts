/**
 * `oncall-access explain SUBJECT`: for one person, every team they should hold at an instant
 * and why, what they hold now, and the differences. With `--at` in the past, the audit log
 * answers what they held then and why.
 */
import { join, resolve } from 'node:path';
import { buildAdapters } from '../observe/adapters.js';
import { readAuditLog } from '../record/audit.js';
import type { AuditEvent } from '../core/audit-event.js';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import { reconcile } from '../apply/engine.js';
import { readOnlyFetch } from '../http/read-only.js';
import { EXIT, type Io } from '../io.js';
import { holdLine, sanitizeText } from '../render/text.js';
import { entitlementKey, entitlementName } from '../core/entitlement.js';
import { managedBy } from '../observe/holders.js';
import { readState, STATE_FILES } from '../record/state.js';
import { declarationOf, KINDS, nameOf } from '../targets/kinds.js';
import { loadOrReport, mergeEvidence, parseAt } from './reconcile.js';

/** Options of `explain`. */
export interface ExplainOptions {
  config: string;
  subject: string;
  at?: string;
  format: 'text' | 'json';
  state?: string;
}

/** One holding in an explanation. */
interface Holding {
  /** `org/team`, or `org/repo (repository)` for a repository permission ({@link entitlementName}), `@handle` for a Slack user group. */
  team: string;
  /** Set when the entitlement's kind has a single level (a Slack user group), which the text leaves out. */
  single?: true;
  role: string;
  state?: string;
  reasons?: string[];
  until?: string;
  since?: string;
}

/** What the audit log says `login` held at `at`: the last applied event per entitlement decides. */
export function heldAt(events: readonly AuditEvent[], login: string, at: Date): Holding[] {
  const last = new Map<string, AuditEvent>();
  for (const e of events) {
    if (e.outcome !== 'applied' || e.login.toLowerCase() !== login.toLowerCase() || Date.parse(e.time) > at.getTime()) continue;
    last.set(entitlementKey(e), e);
  }
  return [...last.values()].filter((e) => e.action !== 'revoke').map((e) => ({ team: nameOf(e), role: e.level, reasons: e.reasons, since: e.time, ...single(e.kind) }));
}

/** Whether entitlements of `kind` have a single level, which reads as nothing (`@payments-oncall`, not `... as member`). */
function oneLevel(kind: string): boolean {
  return KINDS[kind]?.levels.length === 1;
}

function single(kind: string): { single?: true } {
  return oneLevel(kind) ? { single: true } : {};
}

/** ` as maintainer`, or nothing for a kind with a single level. */
function asLevel(h: Holding): string {
  return h.single ? '' : ` as ${h.role}`;
}

/** Runs `explain`; exit 0, or 1 when something could not be read. */
export async function runExplain(opts: ExplainOptions, io: Io): Promise<number> {
  const at = parseAt(opts.at, io);
  const loaded = loadOrReport(opts.config, io);
  if (!loaded) return EXIT.error;
  const fetch = readOnlyFetch(io.fetch);
  const ws = await mergeEvidence(loaded, at, io, fetch);
  const dir = opts.state === undefined ? ws.config.paths.state : resolve(io.cwd, opts.state);
  const adapters = buildAdapters(ws, io.env, fetch);
  const { plan, wanted, observed, resolve: resolveOn } = await reconcile(ws, adapters, { at, now: io.now(), state: readState(dir) });
  const subject = opts.subject.toLowerCase();
  const byEmail = subject.includes('@');
  const fileLogin = ws.identities.find((i) => i.email.toLowerCase() === subject)?.accounts.github;
  // Each target knows the person by its own account (a GitHub login, a Slack user id).
  const targets = [...ws.config.targets.values()];
  const loginOn = (target: string): string | undefined => {
    if (!byEmail) return opts.subject;
    return resolveOn(subject, target) ?? (ws.config.targets.get(target)?.type === 'github' ? fileLogin : undefined);
  };
  const same = (a: string, b: string | undefined): boolean => b !== undefined && a.toLowerCase() === b.toLowerCase();
  const headline = targets.find((c) => c.type === 'github') ?? targets[0];
  let login = headline === undefined ? undefined : loginOn(headline.name);

  const should: Holding[] = [];
  for (const m of wanted.entitlements.values()) {
    for (const h of m.holders.values()) {
      if (!(byEmail ? h.email?.toLowerCase() === subject || same(h.login, loginOn(m.target)) : same(h.login, subject))) continue;
      if (m.target === headline?.name) login = h.login;
      should.push({ team: entitlementName(m, m.spec), role: h.level, reasons: h.reasons, ...(h.until ? { until: h.until.toISOString() } : {}), ...single(m.kind) });
    }
  }
  const holds: Holding[] = [];
  const managed = managedBy(ws);
  for (const [key, read] of observed) {
    const ref = managed.get(key);
    if (!read.ok || ref === undefined) continue;
    const h = read.holders.find((x) => same(x.login, loginOn(ref.target)));
    if (h) holds.push({ team: nameOf(ref).toLowerCase(), role: h.role, state: h.state, ...single(ref.kind) });
  }
  const changes = plan.changes.filter((c) => same(c.subject.login, loginOn(c.entitlement.target)));
  const kept = (plan.holds ?? []).filter((h) => same(h.login, loginOn(h.target)));
  const past = at.getTime() < io.now().getTime() - 60_000;
  const accounts = new Map(targets.flatMap((c) => [[c.name, loginOn(c.name)] as const]).filter((e): e is readonly [string, string] => e[1] !== undefined));
  const audit = past ? readAuditLog(join(dir, STATE_FILES.audit)) : undefined;
  const then = audit ? [...new Set(accounts.values())].flatMap((l) => heldAt(audit, l, at)) : undefined;
  const unresolved = plan.diagnostics.filter((d) => d.code === 'identity' && d.message.toLowerCase().includes(subject));
  const problems = [...plan.diagnostics.filter((d) => d.severity === 'error'), ...unresolved];

  if (opts.format === 'json') {
    const bare = (hs: Holding[]): Holding[] => hs.map(({ single: _single, ...h }) => h);
    io.stdout.write(`${JSON.stringify({ subject: opts.subject, login: login ?? null, ...(targets.length > 1 ? { logins: Object.fromEntries(accounts) } : {}), at: at.toISOString(), shouldHold: bare(should), holdsNow: bare(holds), changes, ...(kept.length > 0 ? { kept } : {}), ...(then ? { heldThen: bare(then) } : {}), diagnostics: problems }, null, 2)}\n`);
    return hasErrors(plan.diagnostics) ? EXIT.error : EXIT.ok;
  }
  const list = (items: Holding[], none: string, f: (h: Holding) => string): string[] => (items.length ? items.map((h) => `  ${f(h)}`) : [`  ${none}`]);
  const out = [
    `${login ?? '(no GitHub login known)'}${byEmail ? ` (${opts.subject})` : ''} at ${at.toISOString()}`,
    ...[...accounts].filter(([name]) => name !== headline?.name).map(([name, l]) => `${declarationOf(ws.config.targets.get(name)!.type).account} on target "${name}": ${l}`),
    '',
    'Should hold:',
    ...list(should, 'nothing', (h) => `${h.team}${asLevel(h)}${h.until ? ` until ${h.until}` : ''} — ${h.reasons!.join('; ')}`),
    '',
    'Holds now:',
    ...list(holds, 'none of the managed teams', (h) => `${h.team}${asLevel(h)}${h.state === 'pending' ? ' (pending invitation)' : ''}`),
    '',
    'Differences:',
    ...(changes.length ? changes.map((c) => `  ${c.action === 'grant' ? '+' : c.action === 'revoke' ? '-' : '~'} ${nameOf(c.entitlement)}${c.action === 'update' ? ` ${c.previousLevel} -> ${c.entitlement.level}` : oneLevel(c.entitlement.kind) ? '' : ` as ${c.entitlement.level}`} — ${c.reasons.join('; ')}`) : ['  none']),
    ...(kept.length ? ['', 'Kept by an incident hold:', ...kept.map((h) => `  ${nameOf(h)}: ${holdLine(h, plan.at)}`)] : []),
    ...(then ? ['', `Held at ${at.toISOString()} (from the audit log):`, ...list(then, 'nothing granted by oncall-access', (h) => `${h.team}${asLevel(h)} since ${h.since} — ${h.reasons!.join('; ')}`)] : []),
    ...(problems.length ? ['', ...problems.map(formatDiagnostic)] : []),
  ];
  io.stdout.write(`${out.map(sanitizeText).join('\n')}\n`);
  return hasErrors(plan.diagnostics) ? EXIT.error : EXIT.ok;
}

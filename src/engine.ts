/**
 * One reconcile pass up to the plan: observe (sources and targets, reads only), desire, diff,
 * guard. The only orchestration of I/O before apply; everything it calls after reading is pure.
 */
import type { Workspace, RotationBinding } from './config/model.js';
import { sortDiagnostics } from './diagnostics.js';
import type { Adapters } from './adapters.js';
import { desire } from './core/desire.js';
import { diff } from './core/diff.js';
import { guard, type GuardOverrides } from './core/guard.js';
import { PLAN_FORMAT_VERSION, summarize, type Plan } from './core/plan.js';
import { fileResolver } from './identities.js';
import { bindingKey, type ShiftRead } from './sources/source.js';
import type { HoldersRead, TeamRef } from './targets/target.js';

/** How far back shifts are read to tell a handoff (shift ended) from drift. */
export const LOOKBACK_MS = 24 * 3_600_000;

/** Computes the plan for `at`. Never throws for a failed read: it becomes a diagnostic. */
export async function computePlan(ws: Workspace, adapters: Adapters, at: Date, overrides: GuardOverrides = {}): Promise<Plan> {
  const auto = ws.profiles.filter((p) => p.mode === 'auto');
  const before = Math.max(0, ...auto.map((p) => p.window.beforeMs));
  const after = Math.max(0, ...auto.map((p) => p.window.afterMs));
  const since = new Date(at.getTime() - after - LOOKBACK_MS);
  const until = new Date(at.getTime() + before + 1);

  const bySource = new Map<string, Map<string, RotationBinding>>();
  for (const b of auto.flatMap((p) => p.rotations)) {
    const m = bySource.get(b.source) ?? new Map<string, RotationBinding>();
    m.set(bindingKey(b), b);
    bySource.set(b.source, m);
  }
  const teamRefs = new Map<string, { target: string; ref: TeamRef }>();
  for (const p of auto) {
    for (const e of p.entitlements) {
      if (e.kind !== 'team') continue;
      const org = ws.config.targets.get(e.target)!.org;
      teamRefs.set(`${e.target}/${org}/${e.team}`.toLowerCase(), { target: e.target, ref: { org, team: e.team } });
    }
  }

  const [shiftReads, holderReads] = await Promise.all([
    Promise.all([...bySource].map(([name, bindings]) => adapters.sources.get(name)!.readShifts([...bindings.values()], since, until))),
    Promise.all(
      [...adapters.targets].map(([name, target]) => target.readHolders([...teamRefs.values()].filter((t) => t.target === name).map((t) => t.ref))),
    ),
  ]);
  const shifts = new Map<string, ShiftRead>(shiftReads.flatMap((m) => [...m]));
  const observed = new Map<string, HoldersRead>(holderReads.flatMap((m) => [...m]));

  const wanted = desire({ at, profiles: ws.profiles, targets: ws.config.targets, shifts, resolve: fileResolver(ws.identities) });
  const delta = diff(wanted, observed);
  const guarded = guard(delta.changes, ws.config.guards, overrides);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    at: at.toISOString(),
    changes: delta.changes,
    summary: summarize(delta.changes, delta.unchanged),
    diagnostics: sortDiagnostics([...adapters.diagnostics, ...wanted.diagnostics, ...delta.diagnostics, ...guarded]),
  };
}

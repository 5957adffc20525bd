/**
 * Who holds each managed team or repository now, read from the targets: the observe step that
 * planning, applying a saved plan, recovering an interrupted apply and `report --live` share.
 * Reads only.
 */
import type { EntitlementSpec, Workspace } from './config/model.js';
import type { Target, HoldersRead, RepoRef, TeamRef } from './targets/target.js';
import { holdingsKey } from './targets/target.js';

/** A team or repository on a named target: what {@link readHoldersOf} reads. */
export interface HeldOn {
  target: string;
  entitlement: ({ kind: 'team' } & TeamRef) | ({ kind: 'repository' } & RepoRef);
}

/**
 * The holders of every team and repository `items` name (each read once, however often it is
 * named), keyed by {@link holdingsKey}. Each target reads its teams and its repositories in one
 * batch each, all targets at once.
 */
export async function readHoldersOf(items: readonly HeldOn[], targets: ReadonlyMap<string, Target>): Promise<Map<string, HoldersRead>> {
  const teams = new Map<string, { target: string; ref: TeamRef }>();
  const repos = new Map<string, { target: string; ref: RepoRef }>();
  for (const { target, entitlement: e } of items) {
    if (e.kind === 'repository') repos.set(holdingsKey(target, e), { target, ref: { org: e.org, repository: e.repository } });
    else teams.set(holdingsKey(target, e), { target, ref: { org: e.org, team: e.team } });
  }
  const reads = await Promise.all(
    [...targets].map(async ([name, t]) => {
      const mine = [...repos.values()].filter((x) => x.target === name).map((x) => x.ref);
      const [teamReads, repoReads] = await Promise.all([t.readHolders([...teams.values()].filter((x) => x.target === name).map((x) => x.ref)), mine.length > 0 ? t.readRepoHolders(mine) : new Map<string, HoldersRead>()]);
      return [name, new Map([...teamReads, ...repoReads])] as const;
    }),
  );
  return new Map(reads.flatMap(([name, m]) => [...m].map(([key, read]) => [`${name}/${key}`.toLowerCase(), read] as const)));
}

/** What a profile's entitlement names, on its target's organisation `org`. */
function heldOn(spec: EntitlementSpec, org: string): HeldOn['entitlement'] {
  return spec.kind === 'team' ? { kind: 'team', org, team: spec.team } : { kind: 'repository', org, repository: spec.repository };
}

/** Every team and repository the profiles manage, each once, by {@link holdingsKey}. */
export function managedBy(ws: Workspace): Map<string, HeldOn> {
  const managed = new Map<string, HeldOn>();
  for (const p of ws.profiles) {
    for (const e of p.entitlements) {
      const item = { target: e.target, entitlement: heldOn(e, ws.config.targets.get(e.target)!.org) };
      managed.set(holdingsKey(item.target, item.entitlement), item);
    }
  }
  return managed;
}

/**
 * Who holds each managed entitlement now, read from the targets: the observe step that
 * planning, applying a saved plan, recovering an interrupted apply and `report --live` share.
 * Reads only.
 */
import type { Workspace } from '../config/model.js';
import { entitlementKey, refOf, type EntitlementRef } from '../core/entitlement.js';
import type { HoldersRead } from '../core/observed.js';
import type { Target } from '../targets/target.js';

/**
 * The holders of every entitlement `items` name (each read once, however often it is named), keyed
 * by {@link entitlementKey}. Each target reads all of its own in one call, all targets at once;
 * an entitlement on a target not in `targets` gets no entry.
 */
export async function readHoldersOf(items: readonly EntitlementRef[], targets: ReadonlyMap<string, Target>): Promise<Map<string, HoldersRead>> {
  const byTarget = new Map<string, Map<string, EntitlementRef>>();
  for (const item of items) {
    const mine = byTarget.get(item.target) ?? new Map<string, EntitlementRef>();
    mine.set(entitlementKey(item), refOf(item));
    byTarget.set(item.target, mine);
  }
  const reads = await Promise.all([...targets].map(([name, t]) => t.readHolders([...(byTarget.get(name)?.values() ?? [])])));
  return new Map(reads.flatMap((m) => [...m]));
}

/** Every entitlement the profiles manage, each once, by {@link entitlementKey}. */
export function managedBy(ws: Workspace): Map<string, EntitlementRef> {
  return new Map(ws.profiles.flatMap((p) => p.entitlements.map((e) => [entitlementKey(e), refOf(e)] as const)));
}

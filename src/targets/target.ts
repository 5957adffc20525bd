/**
 * The port a target implements: who holds each managed entitlement now, and the writes. The
 * entitlements are the core's opaque references (src/core/entitlement.ts): a target reads and
 * writes the kinds it declares, whatever they mean to it.
 */
import type { Entitlement, EntitlementRef } from '../core/entitlement.js';
import type { Change, Outcome } from '../core/plan.js';
import type { HoldersRead } from '../core/observed.js';
import type { ReadFailure } from '../core/diagnostics.js';
import type { TargetIdentityMethod } from '../identities.js';
import type { Fetch } from '../http/read-only.js';

/**
 * Email/login pairs from an identity source of the target, each with the attribute it came from
 * when the source has several (SAML: `nameId`, the subject the IdP asserts, or `emails`, attributes
 * an IdP administrator may fill with anything), or why they could not be read.
 */
export type IdentityRead = { ok: true; pairs: { email: string; login: string; attribute?: 'nameId' | 'emails' }[]; unusable?: UnusableAccount[] } | ReadFailure;

/**
 * An account a target's directory found for an email but that must never be granted (a
 * deactivated or suspended user, a bot): the plan warns with the reason and grants nothing.
 */
export interface UnusableAccount {
  email: string;
  login: string;
  /** Why, in words: `deactivated`, `suspended`, `a bot`. */
  reason: string;
}

/** A JSON Schema (draft 2020-12), as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * What a type of target adds to the published JSON Schemas: `npm run schemas` merges each
 * registered type's fragment into the base schemas (src/codegen/schemas/) and writes schemas/.
 */
export interface SchemaFragment {
  /** config.schema.json: one target of this type under `spec.targets`, its `type` naming the type. */
  target: JsonSchema;
  /**
   * access-profile.schema.json: what a profile's entitlement on a target of this type may say
   * besides `target`: its fields, the choices among them (`oneOf`), and the words for it.
   */
  entitlement: { description: string; oneOf: JsonSchema[]; properties: Record<string, JsonSchema> };
  /** identities.schema.json: a person's account on targets of this type, under the type's name (`github: alice-gh`). */
  identity: JsonSchema;
}

/** What connecting a target's adapter is given besides its config. */
export interface ConnectOptions {
  /** The value of the target's `tokenEnv`, checked by the caller; absent when it names none. */
  token?: string;
  /** The transport (read-only for plan and validate): every request the adapter makes goes through it. */
  fetch: Fetch;
  /** The process environment, for a target that takes more than one secret from it (a private key). */
  env: NodeJS.ProcessEnv;
}

/** A system holding entitlements. */
export interface Target {
  /**
   * Email/login pairs from one of the target's identity sources (GitHub: the organisation's SAML
   * external identities, or its members' verified-domain emails; a target with a `directory`:
   * its users found by email). `emails` are the ones still unresolved, for a source that looks
   * people up one by one; a source that lists everyone may answer more. Reads only.
   */
  readIdentities(method: TargetIdentityMethod, emails: readonly string[]): Promise<IdentityRead>;
  /**
   * The holders of each entitlement, of any kind the target declares, all read at once; keyed by
   * `entitlementKey`, one entry for every reference asked (a failure when it cannot be read).
   */
  readHolders(refs: readonly EntitlementRef[]): Promise<Map<string, HoldersRead>>;
  /** Makes `login` hold `entitlement` at its level: grants it, or changes the level held. */
  grant(entitlement: Entitlement, login: string): Promise<void>;
  /** Takes `ref` from `login` (and cancels a pending invitation to it). */
  revoke(ref: EntitlementRef, login: string): Promise<void>;
  /**
   * For a target whose API writes a whole entitlement at once (Slack's user groups replace their
   * member list): makes all of a run's changes to one entitlement together. `changes` all name
   * that entitlement, in plan order; the answer has one outcome for each, in the same order, and
   * the promise never rejects. Without it, apply calls {@link grant} and {@link revoke} per change.
   */
  applyChanges?(changes: readonly Change[]): Promise<Outcome[]>;
}

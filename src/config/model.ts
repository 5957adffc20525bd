/**
 * The loaded, validated configuration: what the rest of the tool works from. Every object
 * keeps the position it was declared at, so later stages can point diagnostics at YAML.
 */
import type { SourcePos } from '../core/diagnostics.js';
import type { GapPolicy } from '../core/coverage.js';
import type { AccessRequest, GuardConfig, Profile } from '../core/policy.js';

export type { AccessRequest, EntitlementSpec, GuardConfig, Profile, RotationBinding } from '../core/policy.js';

/** The kinds of on-call source, in the order init offers them (`jsm`: Jira Service Management Operations, Opsgenie's successor). */
export const SOURCE_TYPES = ['pagerduty', 'jsm', 'opsgenie', 'rotations'] as const;

/** One of {@link SOURCE_TYPES}. */
export type SourceType = (typeof SOURCE_TYPES)[number];

/** A named place that knows who is on call, declared under `spec.sources`. */
export interface SourceConfig {
  /** The key it is declared under; profiles refer to it by this name. */
  name: string;
  type: SourceType;
  /** Name of the environment variable holding the API token (never the token itself). */
  tokenEnv?: string;
  /** Overrides the public API endpoint (EU region, local emulator). */
  apiUrl?: string;
  /** jsm: the Atlassian site's cloud id (a UUID). */
  cloudId?: string;
  /** jsm: name of the environment variable holding the email of the Atlassian account the token belongs to. */
  emailEnv?: string;
  pos: SourcePos;
  fieldPos: ConnectionPos;
  /** Where `type`, `cloudId` and `emailEnv` are declared (the block's position when one is absent); absent in configs built in code. */
  keyPos?: { type: SourcePos; cloudId: SourcePos; emailEnv: SourcePos };
}

/** What every target declared under `spec.targets` has, whatever its type. */
export interface TargetBase {
  /** The key it is declared under; profiles name it in `target:`. */
  name: string;
  /** Name of the environment variable holding the target's token (never the token itself). */
  tokenEnv?: string;
  /** Overrides the target's public API endpoint (GitHub Enterprise Server, a local emulator). */
  apiUrl?: string;
  pos: SourcePos;
  fieldPos: ConnectionPos;
}

/** A GitHub organisation whose teams and repositories are managed. */
export interface GitHubTargetConfig extends TargetBase {
  type: 'github';
  /** The GitHub organisation whose teams are managed. */
  org: string;
}

/** What a Slack target does when a rotation would leave a user group with nobody (Slack refuses an empty member list). */
export type SlackWhenEmpty = 'disable' | 'keep' | 'error';

/** A Slack workspace whose user groups are managed. */
export interface SlackTargetConfig extends TargetBase {
  type: 'slack';
  /** The workspace's team id (`T...`), needed with an Enterprise Grid org-wide token. */
  teamId?: string;
  /** See {@link SlackWhenEmpty}; default `disable`. */
  whenEmpty: SlackWhenEmpty;
}

/**
 * An Okta org whose groups are managed. It authenticates as an OAuth 2.0 service app
 * (`clientId` with the private key in `privateKeyEnv`) or with an SSWS API token (`tokenEnv`).
 */
export interface OktaTargetConfig extends TargetBase {
  type: 'okta';
  /** `https://acme.okta.com` (http only for a local emulator on 127.0.0.1). */
  orgUrl: string;
  /** The service app's client id. */
  clientId?: string;
  /** Name of the environment variable holding the service app's private key (PEM or JWK). */
  privateKeyEnv?: string;
  /** The `kid` of that key as registered in Okta, sent in the client assertion's header. */
  keyId?: string;
  /** The scopes asked of the token; default `okta.groups.manage` and `okta.users.read`. */
  scopes?: string[];
}

/**
 * A named system that holds entitlements, declared under `spec.targets`: one interface per
 * target type, told apart by `type` (each type's fields are its own; targets/kinds.ts reads them
 * from the YAML block).
 */
export type TargetConfig = GitHubTargetConfig | SlackTargetConfig | OktaTargetConfig;

/** The type of a target, as a config's `type` names it. */
export type TargetTypeName = TargetConfig['type'];

/**
 * Where a source's or target's `apiUrl` and `tokenEnv` are declared, each the block's own
 * position when the field is absent: an unreachable host or a token problem is reported there.
 */
export interface ConnectionPos {
  apiUrl: SourcePos;
  tokenEnv: SourcePos;
}

/** `kind: Config`, normally `oncall-access.yaml`. */
export interface Config {
  /** Path of the config file as given by the user. */
  file: string;
  /** Directory the config file is in; every other path is relative to it. */
  dir: string;
  sources: Map<string, SourceConfig>;
  targets: Map<string, TargetConfig>;
  guards: GuardConfig;
  /** `spec.coverage.gaps`: what a stretch of the coming week that a rotation leaves without access is (default `warn`). */
  coverage: { gaps: GapPolicy };
  /** Named sets of profile globs for sharded runs (`--shard NAME`). */
  shards: { name: string; globs: string[] }[];
  /** Identity resolution methods, in the order they are tried. */
  identities: ('file' | 'saml' | 'verifiedEmail')[];
  /** The SAML attributes an email may come from: `nameId` only, unless the config opts into `emails` too. */
  samlAttributes: ('nameId' | 'emails')[];
  /** Absolute paths of the directories and files the config names. */
  paths: { profiles: string; rotations: string; requests: string; identities: string; state: string };
}

/**
 * How a team the tool has never applied to is adopted: `keep-drift` (the default) keeps its
 * current members that no profile wants, and the plan lists them, until the user says otherwise;
 * `remove-drift` removes them on the first apply.
 */
export type Adopt = 'keep-drift' | 'remove-drift';

/** A dated replacement in a built-in rotation. */
export interface RotationOverride {
  /** Who is on call instead. */
  member: string;
  /** Whose time is covered; when absent, the override covers whoever is on call. */
  covers?: string;
  /** Absolute instants. */
  start: Date;
  end: Date;
}

/** `kind: Rotation`: an on-call schedule kept in git. */
export interface Rotation {
  name: string;
  description?: string;
  /** IANA time zone the handoff wall time is kept in. */
  timeZone: string;
  /** Length of one shift in milliseconds. */
  shiftMs: number;
  /** The first handoff, as a wall time in `timeZone` (`YYYY-MM-DDTHH:MM[:SS]`). */
  firstHandoff: string;
  /** People (emails) in order; the first is on call from `firstHandoff`. */
  members: string[];
  overrides: RotationOverride[];
  pos: SourcePos;
}

/** `kind: Identities`: a person's email with their account on each type of target (`github: alice-gh`). */
export interface IdentityEntry {
  email: string;
  /** The person's account by target type, as the file names them (`{ github: 'alice-gh' }`). */
  accounts: Readonly<Record<string, string>>;
  /** The person's Atlassian account id: a jsm source takes `email` for their shifts. */
  accountId?: string;
  pos: SourcePos;
}

/** Everything loaded from a config and the files it points at. */
export interface Workspace {
  config: Config;
  profiles: Profile[];
  rotations: Rotation[];
  identities: IdentityEntry[];
  requests: AccessRequest[];
  /** Every file read, with its contents' SHA-256, for plans to record what they came from. */
  files: { path: string; sha256: string }[];
}

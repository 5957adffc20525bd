/** Builders for throwaway workspaces: a Config plus the files a test needs. */

export const CONFIG = `apiVersion: oncall-access/v1
kind: Config
spec:
  sources:
    rotations: { type: rotations }
    pd: { type: pagerduty, tokenEnv: PAGERDUTY_TOKEN }
    og: { type: opsgenie, tokenEnv: OPSGENIE_KEY }
  targets:
    github: { type: github, org: acme, tokenEnv: GITHUB_TOKEN }
`;

/** An identities file mapping the people of {@link ROTATION}: a config resolving people by file needs one. */
export const IDENTITIES = `apiVersion: oncall-access/v1
kind: Identities
spec:
  identities:
    - { email: alice@acme.example, github: alice-acme }
    - { email: bob@acme.example, github: bob-acme }
`;

export const ROTATION = `apiVersion: oncall-access/v1
kind: Rotation
metadata: { name: primary }
spec:
  timeZone: Europe/Berlin
  shiftLength: 1w
  firstHandoff: 2026-11-02T09:00
  members: [alice@acme.example, bob@acme.example]
`;

/** A valid auto profile; `spec` lines replace the default spec body. */
export function profile(name: string, spec = `  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  entitlements:
    - target: github
      team: deployers
`): string {
  return `apiVersion: oncall-access/v1
kind: AccessProfile
metadata:
  name: ${name}
spec:
${spec}`;
}

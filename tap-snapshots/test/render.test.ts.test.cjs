/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/render.test.ts > TAP > markdown escaping: hostile data in every field of a plan stays inert > must match snapshot 1`] = `
## oncall-access plan for 2026-11-25T17:00:00Z

**Plan: 3 to grant, 2 to revoke, 2 to update, 5 unchanged.** Diagnostics: 7 errors.

| Grant | Revoke | Update | Unchanged |
| ---: | ---: | ---: | ---: |
| 3 | 2 | 2 | 5 |

> [!CAUTION]
> **7 errors**
>
> - !&#91;x&#93;(\`https://evil/pixel.png\`):1:1: error: !&#91;x&#93;(\`https://evil/pixel.png\`)
> - &#91;x&#93;(\`https://evil\`):1:1: error: &#91;x&#93;(\`https://evil\`)
> - \`@org/team:1:1\`: error: \`@org/team\`
> - &#96;code&#96; &#96;&#96;&#96;fence:1:1: error: &#96;code&#96; &#96;&#96;&#96;fence
> - &#60;img src=x onerror=alert(1)>:1:1: error: &#60;img src=x onerror=alert(1)>
> - a&#124;b:1:1: error: a&#124;b
> - line1&#92;u000aline2:1:1: error: line1&#92;u000aline2

### !&#91;x&#93;(\`https://evil/pixel.png\`): !&#91;x&#93;(\`https://evil/pixel.png\`)/!&#91;x&#93;(\`https://evil/pixel.png\`) — 1 to update

Profiles: !&#91;x&#93;(\`https://evil/pixel.png\`)

- **update** !&#91;x&#93;(\`https://evil/pixel.png\`)2 (!&#91;x&#93;(\`https://evil/pixel.png\`)) (unknown role) -> member until !&#91;x&#93;(\`https://evil/pixel.png\`) — !&#91;x&#93;(\`https://evil/pixel.png\`); !&#91;x&#93;(\`https://evil/pixel.png\`)

### &#60;img src=x onerror=alert(1)>: &#60;img src=x onerror=alert(1)>/&#60;img src=x onerror=alert(1)> — 1 to grant

Profiles: &#60;img src=x onerror=alert(1)>

- **grant** &#60;img src=x onerror=alert(1)>0 (&#60;img src=x onerror=alert(1)>) as member until &#60;img src=x onerror=alert(1)> — &#60;img src=x onerror=alert(1)>; &#60;img src=x onerror=alert(1)>

### \`@org/team\`: \`@org/team/@org/team\` — 1 to grant

Profiles: \`@org/team\`

- **grant** \`@org/team3\` (\`@org/team\`) as member until \`@org/team\` — \`@org/team\`; \`@org/team\`

### &#91;x&#93;(\`https://evil\`): &#91;x&#93;(\`https://evil\`)/&#91;x&#93;(\`https://evil\`) — 1 to revoke

Profiles: &#91;x&#93;(\`https://evil\`)

- **revoke** &#91;x&#93;(\`https://evil\`)1 (&#91;x&#93;(\`https://evil\`)) as member until &#91;x&#93;(\`https://evil\`) — &#91;x&#93;(\`https://evil\`); &#91;x&#93;(\`https://evil\`)

### &#96;code&#96; &#96;&#96;&#96;fence: &#96;code&#96; &#96;&#96;&#96;fence/&#96;code&#96; &#96;&#96;&#96;fence — 1 to grant

Profiles: &#96;code&#96; &#96;&#96;&#96;fence

- **grant** &#96;code&#96; &#96;&#96;&#96;fence6 (&#96;code&#96; &#96;&#96;&#96;fence) as member until &#96;code&#96; &#96;&#96;&#96;fence — &#96;code&#96; &#96;&#96;&#96;fence; &#96;code&#96; &#96;&#96;&#96;fence

### a&#124;b: a&#124;b/a&#124;b — 1 to revoke

Profiles: a&#124;b

- **revoke** a&#124;b4 (a&#124;b) as member until a&#124;b — a&#124;b; a&#124;b

### line1&#92;u000aline2: line1&#92;u000aline2/line1&#92;u000aline2 — 1 to update

Profiles: line1&#92;u000aline2

- **update** line1&#92;u000aline25 (line1&#92;u000aline2) (unknown role) -> member until line1&#92;u000aline2 — line1&#92;u000aline2; line1&#92;u000aline2

`

exports[`test/render.test.ts > TAP > markdown: a realistic plan renders summary, table, alerts and one section per team > must match snapshot 1`] = `
## oncall-access plan for 2026-11-25T17:00:00Z

**Plan: 4 to grant, 2 to revoke, 1 to update, 5 unchanged.** Diagnostics: 1 error, 2 warnings.

| Grant | Revoke | Update | Unchanged |
| ---: | ---: | ---: | ---: |
| 4 | 2 | 1 | 5 |

> [!CAUTION]
> **1 error**
>
> - profiles/ghost.yaml:7:5: error: team acme/ghost does not exist on target github

> [!WARNING]
> **2 warnings**
>
> - warning: source pagerduty answered slowly (4s)
> - identities.yaml:14:3: warning: identity for PagerDuty user PX7Q2 not found; skipped

### ghes: acme-internal/oncall — 1 to grant

Profiles: platform-oncall

- **grant** frank as member — static member of profile platform-oncall

### github: acme/payments-deployers — 3 to grant, 2 to revoke

Profiles: payments-oncall, payments-requests

- **grant** alice (\`alice@acme.example\`) as member until 2026-11-25T18:00Z — on call: rotation payments-primary, shift ends 2026-11-25T18:00Z
- **grant** Ben as member until 2026-11-25T18:00Z — on call: rotation payments-primary, shift ends 2026-11-25T18:00Z
- **grant** dave as member until 2026-11-25T21:30:45Z — requested: access request REQ-42, approved by erin; on call: schedule Payments Secondary
- **revoke** bob as member (drift: not wanted by any profile) — added outside oncall-access
- **revoke** erin as member (pending invitation) — shift ended 2026-11-25T17:00Z (rotation payments-primary)

### github: acme/sre-leads — 1 to update

Profiles: sre-ic

- **update** carol (\`carol@acme.example\`) member -> maintainer until 2026-11-26T09:00Z — incident commander: rotation sre-ic, shift ends 2026-11-26T09:00Z

`

exports[`test/render.test.ts > TAP > terminal: a realistic plan renders grouped, ordered and annotated (no colour) > must match snapshot 1`] = `
Plan for 2026-11-25T17:00:00Z

ghes: acme-internal/oncall (profiles: platform-oncall)
  + frank as member  — static member of profile platform-oncall

github: acme/payments-deployers (profiles: payments-oncall, payments-requests)
  + alice (alice@acme.example) as member  until 2026-11-25T18:00Z  — on call: rotation payments-primary, shift ends 2026-11-25T18:00Z
  + Ben as member  until 2026-11-25T18:00Z  — on call: rotation payments-primary, shift ends 2026-11-25T18:00Z
  + dave as member  until 2026-11-25T21:30:45Z  — requested: access request REQ-42, approved by erin; on call: schedule Payments Secondary
  - bob as member  (drift: not wanted by any profile)  — added outside oncall-access
  - erin as member  (pending invitation)  — shift ended 2026-11-25T17:00Z (rotation payments-primary)

github: acme/sre-leads (profiles: sre-ic)
  ~ carol (carol@acme.example) member -> maintainer  until 2026-11-26T09:00Z  — incident commander: rotation sre-ic, shift ends 2026-11-26T09:00Z

warning: source pagerduty answered slowly (4s)
identities.yaml:14:3: warning: identity for PagerDuty user PX7Q2 not found; skipped
profiles/ghost.yaml:7:5: error: team acme/ghost does not exist on target github

Plan: 4 to grant, 2 to revoke, 1 to update, 5 unchanged.

`

exports[`test/render.test.ts > TAP > terminal: a realistic plan renders with ANSI colours by action and severity > must match snapshot 1`] = `
Plan for 2026-11-25T17:00:00Z

ghes: acme-internal/oncall (profiles: platform-oncall)
  [32m+ frank as member  — static member of profile platform-oncall[0m

github: acme/payments-deployers (profiles: payments-oncall, payments-requests)
  [32m+ alice (alice@acme.example) as member  until 2026-11-25T18:00Z  — on call: rotation payments-primary, shift ends 2026-11-25T18:00Z[0m
  [32m+ Ben as member  until 2026-11-25T18:00Z  — on call: rotation payments-primary, shift ends 2026-11-25T18:00Z[0m
  [32m+ dave as member  until 2026-11-25T21:30:45Z  — requested: access request REQ-42, approved by erin; on call: schedule Payments Secondary[0m
  [31m- bob as member  (drift: not wanted by any profile)  — added outside oncall-access[0m
  [31m- erin as member  (pending invitation)  — shift ended 2026-11-25T17:00Z (rotation payments-primary)[0m

github: acme/sre-leads (profiles: sre-ic)
  [33m~ carol (carol@acme.example) member -> maintainer  until 2026-11-26T09:00Z  — incident commander: rotation sre-ic, shift ends 2026-11-26T09:00Z[0m

[33mwarning: source pagerduty answered slowly (4s)[0m
[33midentities.yaml:14:3: warning: identity for PagerDuty user PX7Q2 not found; skipped[0m
[31mprofiles/ghost.yaml:7:5: error: team acme/ghost does not exist on target github[0m

Plan: 4 to grant, 2 to revoke, 1 to update, 5 unchanged.

`

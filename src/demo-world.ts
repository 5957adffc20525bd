/**
 * The product's side of the demo world (the world itself, `DEMO_GITHUB` and the rest, is in
 * `@oncall-access/emulators/demo-world`): the state a running installation would have for it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeAdopted, STATE_FILES } from './record/state.js';

/**
 * The demo's state directory as a running installation has it: every managed team (the Slack
 * user group and the Okta group) adopted a week before the demo instant (`DEMO_AT`), so members no profile wants are drift the plan
 * revokes. (A first run would keep them and list them as adopting: see "Adopting existing
 * teams" in docs/operations.md.)
 */
export function writeDemoState(dir: string): void {
  const teams = ['checkout-deployers', 'data-deployers', 'infra-maintainers', 'payments-admins', 'payments-deployers', 'prod-deployers'];
  mkdirSync(dir, { recursive: true });
  const adoptedAt = '2026-11-23T07:50:00.000Z';
  const groups = [{ target: 'slack', kind: 'usergroup', resource: '@platform-oncall', adoptedAt }, { target: 'okta', kind: 'group', resource: 'prod-aws-oncall', adoptedAt }];
  writeFileSync(join(dir, STATE_FILES.adopted), serializeAdopted([...teams.map((team) => ({ target: 'github', kind: 'team', resource: `acme/${team}`, adoptedAt })), ...groups]));
}

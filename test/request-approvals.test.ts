/** Approval of merged review requests (src/forge/request-approvals.ts): what a request is told when its approval cannot be checked. */
import t, { type Test } from 'tap';
import { loadWorkspace } from '../src/config/load.js';
import type { AccessRequest, Workspace } from '../src/config/model.js';
import { withApprovals } from '../src/forge/request-approvals.js';
import { demoWorkspace, ENV, TOKEN } from './helpers/demo-workspace.js';
import { addRequests, request } from './helpers/pull-request.js';

const AT = new Date('2026-11-30T08:00:00Z');

async function workspace(t: Test) {
  const w = await demoWorkspace(t, (dir) => addRequests(dir, { 'bob.yaml': request('bob@acme.example', '2026-11-30T07:50:00Z'), 'old.yaml': request('bob-acme', '2026-11-29T07:50:00Z') }));
  const { workspace: ws } = loadWorkspace('oncall-access.yaml', w.dir, AT);
  return { ...w, ws: ws! };
}

const reviews = (ws: Workspace) => Object.fromEntries(ws.requests.map((r: AccessRequest) => [r.file, r.review]));

t.test('a running review request is told why its approval cannot be checked; others are left alone', async (t) => {
  const { ws, emu } = await workspace(t);
  emu.acceptUnexpected(); // the wrong token below is refused on purpose
  const landed = { ...ws, requests: ws.requests.map((r) => ({ ...r, landed: { at: new Date('2026-11-30T07:45:00Z') } })) };
  const noRepo = await withApprovals(landed, ENV, fetch, AT);
  t.same(reviews(noRepo), { 'requests/bob.yaml': { missing: 'its approval cannot be checked: set GITHUB_REPOSITORY to owner/name of this config repository (GitHub Actions sets it)' }, 'requests/old.yaml': undefined }, 'the ended request is not asked about');
  const noToken = await withApprovals(landed, { GITHUB_REPOSITORY: 'acme/access' }, fetch, AT);
  t.same(reviews(noToken)['requests/bob.yaml'], { missing: 'its approval cannot be checked: GITHUB_TOKEN is not set' });
  const wrongToken = await withApprovals(landed, { GITHUB_REPOSITORY: 'acme/access', GITHUB_TOKEN: `ghp_${'wrongTOKEN'.padEnd(36, '0')}` }, fetch, AT);
  t.match(reviews(wrongToken)['requests/bob.yaml'], { missing: /^its approval cannot be checked: cannot read repository acme\/access: / });
  t.notMatch(JSON.stringify(reviews(wrongToken)), 'ghp_wrong', 'no token in the reason');
  const unmerged = await withApprovals(landed, { GITHUB_REPOSITORY: 'acme/access', GITHUB_TOKEN: TOKEN }, fetch, AT);
  t.same(reviews(unmerged)['requests/bob.yaml'], { missing: 'it is not in the history of main (no merged pull request brought it), so nobody approved it' });
  t.ok(emu.requests.length > 0);
  const none = await withApprovals({ ...landed, requests: [] }, ENV, fetch, AT);
  t.same(none.requests, [], 'no request, no question');
});

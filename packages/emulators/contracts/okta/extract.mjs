// Derives management-paths.yaml, what the Okta emulator's contract test reads, from Okta's whole
// Management API description (management-minimal.yaml, 3.4 MB, whose examples include sample
// private keys and certificate requests): the list of every path it describes, and for the paths
// the emulator serves, each operation's summary and parameters with the parameters they refer to.
// No examples, bodies or responses. Run from the repository root:
//   node packages/emulators/contracts/okta/extract.mjs ../shared/contracts/okta/management-minimal.yaml
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const SERVED = ['/api/v1/groups', '/api/v1/groups/rules', '/api/v1/groups/{groupId}', '/api/v1/groups/{groupId}/users', '/api/v1/groups/{groupId}/users/{userId}', '/api/v1/users', '/api/v1/users/{id}'];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const spec = parse(readFileSync(process.argv[2], 'utf8'), { maxAliasCount: -1 });
const used = new Set();
const params = (list) => (list ?? []).map((p) => (p.$ref ? (used.add(p.$ref.replace('#/components/parameters/', '')), { $ref: p.$ref }) : { name: p.name, in: p.in }));
const paths = {};
for (const path of SERVED) {
  const item = spec.paths[path];
  paths[path] = { ...(item.parameters ? { parameters: params(item.parameters) } : {}) };
  for (const m of METHODS) if (item[m]) paths[path][m] = { summary: item[m].summary, parameters: params(item[m].parameters) };
}
const parameters = Object.fromEntries([...used].sort().map((k) => [k, { name: spec.components.parameters[k].name, in: spec.components.parameters[k].in }]));
const header = `# Derived from Okta's Management API description ${spec.info.version} (github.com/okta/okta-management-openapi-spec,\n# dist/current/management-minimal.yaml, commit fdda229; Apache-2.0, see LICENSE) by extract.mjs: every\n# path it describes, and the served paths' operations with their parameters. Do not edit: run extract.mjs.\n`;
writeFileSync(new URL('management-paths.yaml', import.meta.url), header + stringify({ info: { title: spec.info.title, version: spec.info.version }, describedPaths: Object.keys(spec.paths), paths, components: { parameters } }));

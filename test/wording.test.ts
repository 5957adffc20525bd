import t from 'tap';
import { plural, withArticle } from '../src/core/wording.js';

t.test('a count agrees with its noun: one is singular, zero and fractions plural', async (t) => {
  t.equal(plural(1, 'profile'), '1 profile');
  t.equal(plural(0, 'profile'), '0 profiles');
  t.equal(plural(1.5, 'person-hour'), '1.5 person-hours');
  t.equal(plural(1, 'identity', 'identities'), '1 identity');
  t.equal(plural(2, 'identity', 'identities'), '2 identities');
});

t.test('the article follows the first letter: a pagerduty source, an opsgenie source', async (t) => {
  t.equal(withArticle('pagerduty'), 'a pagerduty');
  t.equal(withArticle('opsgenie'), 'an opsgenie');
  t.equal(withArticle('integer'), 'an integer');
  t.equal(withArticle('mapping'), 'a mapping');
});

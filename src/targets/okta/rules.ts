/**
 * Okta group rules as the target reads them: which groups a rule assigns people to, and whether
 * it assigns a given user. Okta does not say which rule made a membership, so the target
 * evaluates each active rule's expression against the member's profile, in the subset of Okta's
 * expression language that rules usually use: `user.<attribute>=="<value>"` terms joined by
 * `AND` and `OR` (AND binds tighter). A rule whose expression is outside that subset is taken to
 * hold every member of its groups: such members are never revoked (a wrong "held" keeps access,
 * a wrong "not held" would try a removal Okta refuses).
 */

/** A group rule as `GET /api/v1/groups/rules` answers it (the fields read). */
export interface OktaRuleJson {
  id: string;
  name: string;
  status: string;
  conditions?: { expression?: { value?: string }; people?: { users?: { exclude?: string[] } } };
  actions?: { assignUserToGroups?: { groupIds?: string[] } };
}

/** A rule, ready to test users against. */
export interface GroupRule {
  name: string;
  groupIds: readonly string[];
  /** True when it assigns the user with this id and profile (always, for an expression outside the subset). */
  assigns(userId: string, profile: Readonly<Record<string, unknown>>): boolean;
}

const TERM = /^user\.([A-Za-z_][A-Za-z0-9_]*)\s*==\s*"([^"]*)"$/;

/** The expression as alternatives of conjunctions of `[attribute, value]`, or `undefined` outside the subset. */
export function parseExpression(expression: string): [string, string][][] | undefined {
  const alternatives = expression.trim().split(/\s+OR\s+/).map((alt) => alt.split(/\s+AND\s+/).map((term) => TERM.exec(term.trim())));
  if (alternatives.some((alt) => alt.some((m) => m === null))) return undefined;
  return alternatives.map((alt) => alt.map((m) => [(m as RegExpExecArray)[1] as string, (m as RegExpExecArray)[2] as string]));
}

/** The active rules among `rules`, ready to test users against. */
export function activeRules(rules: readonly OktaRuleJson[]): GroupRule[] {
  return rules
    .filter((r) => r.status === 'ACTIVE')
    .map((r) => {
      const terms = parseExpression(r.conditions?.expression?.value ?? '');
      const excluded = new Set(r.conditions?.people?.users?.exclude ?? []);
      return {
        name: r.name,
        groupIds: r.actions?.assignUserToGroups?.groupIds ?? [],
        assigns: (userId, profile) => !excluded.has(userId) && (terms === undefined || terms.some((alt) => alt.every(([attribute, value]) => profile[attribute] === value))),
      };
    });
}

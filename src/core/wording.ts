/**
 * English for messages built from counts and names: `1 profile` but `2 profiles`, `a pagerduty
 * source` but `an opsgenie source`.
 */

/** `n` and the noun agreeing with it: `1 holding`, `0 holdings`; `many` names an irregular plural (`identities`). */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}

/**
 * `word` after its indefinite article, chosen by its first letter: `an opsgenie`, `a pagerduty`.
 * The words messages name (source types, JSON types) are read as spelled, so the letter decides.
 */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

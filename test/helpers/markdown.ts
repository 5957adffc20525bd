/** Checks on the Markdown this project writes for GitHub. */

/**
 * `md` without its code spans and `<code>` elements, which GitHub neither links nor mentions
 * in, nor reads as markup: what is left is what GitHub reads. Only code that holds no backtick,
 * pipe, space, `<` or `&` counts as code here, so a value cannot end it early or act inside it.
 */
export function outsideCode(md: string): string {
  return md.replace(/`[^`|\s<&]+`|<code>[^`|\s<&]+<\/code>/g, ' ');
}

/**
 * @module Text that is safe to put inside a `<script>` or `<style>` element. JSON: `<`, `>`, `&`
 * and the two JavaScript line separators become `\uXXXX` escapes, which JSON.parse reads back as
 * the same characters, so no value (a manager called `</script><script>…`) can end the element.
 */

const UNSAFE = /[<>&\u2028\u2029]/g;

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Our own script or stylesheet text, inlined for the static export: only `</script` / `</style` need breaking. */
export function inlineAssetText(text: string, element: 'script' | 'style'): string {
  return text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
}

/** @module HTML escaping for the auth pages: every value that reaches HTML text or an attribute. */

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"'`=]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' })[ch] as string,
  );
}

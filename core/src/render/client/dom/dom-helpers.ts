/** @module Tiny DOM helpers. Text goes in through textContent only: data never becomes markup. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function emit(doc: Document, name: string, detail: unknown): void {
  doc.dispatchEvent(new CustomEvent(name, { detail }));
}

/** `{report}`, `{panel}`, `{parameter}` filled in, each URL-encoded. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
}

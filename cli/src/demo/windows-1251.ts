/**
 * @module Text → Windows-1251 bytes, as a Russian Excel saves "CSV (разделители — точка с запятой)".
 * The demo's text is ASCII and Russian letters; anything else becomes '?', as Excel does.
 */

/** Windows-1251 bytes of `text`. */
export function encodeWindows1251(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    if (code < 0x80) out[n++] = code;
    else if (code >= 0x410 && code <= 0x44f) out[n++] = code - 0x410 + 0xc0;
    else if (code === 0x401) out[n++] = 0xa8;
    else if (code === 0x451) out[n++] = 0xb8;
    else if (code === 0x2116) out[n++] = 0xb9;
    else out[n++] = 63;
  }
  return out.subarray(0, n);
}

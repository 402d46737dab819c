import { describe, expect, it } from 'vitest';
import { escapeHtml, plainLabel, tooltipLine } from './escape-html.js';

describe('escapeHtml', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
    expect(escapeHtml(null)).toBe('');
  });
  it('keeps ECharts rich-text markup out of labels', () => {
    expect(plainLabel('{a|big}')).toBe('(a¦big)');
  });
  it('escapes names and values but not the marker ECharts made', () => {
    expect(tooltipLine('<span class="m"></span>', '<b>', '1 & 2')).toBe('<span class="m"></span>&lt;b&gt;: <b>1 &amp; 2</b>');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.js';

describe('a19.s1 public column: the html helper escapes every interpolation', () => {
  it('escapes the five HTML-special characters in text and attributes', () => {
    const evil = `<script>alert("x")</script> & 'q'`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>',
    );
    expect(escapeHtml('a"b')).toBe('a&quot;b');
  });

  it('keeps nested html as markup but escapes inside it, once', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>&lt;i&gt;</b></p>');
    expect(html`${'&amp;'}`.value).toBe('&amp;amp;');
  });

  it('joins arrays, drops null/undefined/booleans, prints numbers', () => {
    const items = ['<a>', html`<li>x</li>`, null, undefined, false, 3];
    expect(html`<ul>${items}</ul>`.value).toBe('<ul>&lt;a&gt;<li>x</li>3</ul>');
    expect(html`${Number.NaN}`.value).toBe('');
  });

  it('raw passes trusted constants through untouched', () => {
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });
});

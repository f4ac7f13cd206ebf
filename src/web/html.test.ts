import { describe, expect, it } from 'vitest';
import { html, raw } from './html';

describe('html', () => {
  it('escapes interpolated customer text', () => {
    const name = '<script>alert("x")</script> & co';
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>');
  });

  it('keeps nested templates and trusted markup, drops empty values', () => {
    const items = ['a', '<b>'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${false}${raw('<hr>')}`.value).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul><hr>');
  });
});

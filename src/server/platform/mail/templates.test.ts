import { describe, expect, it } from 'vitest';
import { escapeHtml, mailLang, renderMail } from './templates.js';

describe('notification e-mails', () => {
  const n = { kind: 'recognition.returned', params: { title: 'A <b>"x"</b> & B\r\nBcc: evil@example.org' }, link: '/recognition/applications/1' };

  it('escapes every value in the HTML part and keeps the subject on one line', () => {
    const m = renderMail(n, 'zh', 'https://guohe.example.org');
    expect(m.html).toContain('A &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; B');
    expect(m.html).not.toContain('<b>');
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toContain('申报被退回修改');
    expect(m.text).toContain('https://guohe.example.org/recognition/applications/1');
  });

  it('speaks the user’s language; bilingual params pick theirs; unknown kinds get a generic message', () => {
    expect(mailLang('en-US')).toBe('en');
    expect(mailLang('zh-CN')).toBe('zh');
    expect(mailLang(null)).toBe('zh');
    const en = renderMail({ kind: 'base_notified', params: { baseName: 'Base', documentNumber: '国科发外〔2026〕1号', because: { zh: '连续三年不合格', en: 'Three failed years' } }, link: null }, 'en', 'http://localhost:3000');
    expect(en.text).toContain('Three failed years');
    expect(en.text).not.toContain('连续三年');
    expect(renderMail({ kind: 'no.such.kind', params: {}, link: null }, 'en', 'http://x').subject).toContain('New message');
  });

  it('mails only our own relative links', () => {
    const plain = { kind: 'recognition.todo', params: { title: 'T' } };
    expect(renderMail({ ...plain, link: '//evil.example/x' }, 'en', 'https://guohe.example.org').text).not.toContain('evil');
    expect(renderMail({ ...plain, link: 'https://evil.example/x' }, 'en', 'https://guohe.example.org').html).not.toContain('evil');
    expect(renderMail({ ...plain, link: '/bases' }, 'en', 'https://guohe.example.org').html).toContain('href="https://guohe.example.org/bases"');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { LANDING_PAGE_STYLE_HASH, landingPage } from './landing-page';

describe('the landing page under the Content-Security-Policy', () => {
  const html = landingPage();

  it('has no inline script', () => {
    assert.doesNotMatch(html, /<script/i);
  });

  it('has only inline styles the policy allows by hash', () => {
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
    assert.ok(styles.length > 0);
    for (const style of styles)
      assert.equal(`sha256-${createHash('sha256').update(style).digest('base64')}`, LANDING_PAGE_STYLE_HASH);
    assert.doesNotMatch(html, /\sstyle=/i, 'no style attributes');
  });
});

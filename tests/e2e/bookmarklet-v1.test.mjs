// A bookmarklet installed before the protocol changed (version 1) keeps working: its code lives in the
// reader's bookmarks and is never updated, so the tagger origin's helper page (remote.html) must still
// answer it in the shape it reads (entity rows, not objects). The fixture is the bookmarklet as it was
// shipped (commit 995c71e, www/bookmarklet/inline.js), serialized as its install.js did.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './fixtures/bookmarklet-harness/index.mjs';
import { sahelBookmarklet } from './fixtures/bookmarklet-v1/inline.js';

let servers;
let browser;

before(async () => {
  servers = await H.startServers();
  browser = await H.startBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/** The version-1 `javascript:` URL, as that version's install.js built it. */
function v1Href(origin) {
  const source = sahelBookmarklet
    .toString()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
  const code = `void (${source})(${JSON.stringify(String(origin))});`;
  return 'javascript:' + code.replace(/[%\n\r\t]/g, (c) => encodeURIComponent(c));
}

test('a version-1 bookmarklet from a reader\'s bookmarks still tags through the new helper page', async () => {
  const { page, errors } = await H.openPage(browser.context, servers.site + '/news.html');
  await H.runBookmarklet(page, v1Href(servers.tagger));
  const st = await H.idle(page);
  assert.equal(st.state, 'ready');
  assert.equal(st.backend, 'frame');
  const mentions = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  const byId = H.countById(mentions);
  assert.ok(byId.jnim && byId.niafunke && byId.mopti, JSON.stringify(byId));
  const jnim = mentions.find((m) => m.id === 'jnim');
  assert.equal(jnim.type, 'armed_group', 'the entity rows are read as that version reads them');
  assert.ok(jnim.name && jnim.name !== 'undefined');
  assert.deepEqual(errors, []);
  await page.close();
});

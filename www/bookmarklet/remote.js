// The tagger origin's side of the bookmarklet when a page cannot run the tagger itself: loaded in a
// hidden frame or a small window, it says hello to the page that embedded or opened it, accepts one
// MessagePort from it, and answers `{k: 'tag', id, text}` with `{k: 'spans', id, spans}` (the same
// Uint32Array as Tagger.tagSpans). It tags whatever text it is sent and keeps nothing.
import { createEngine } from './engine.js';

const MAX_TEXT = 64 * 1024 * 1024;
const status = document.getElementById('status');
const detail = document.getElementById('detail');
const framed = window.parent !== window;
const peer = framed ? window.parent : window.opener;
const say = (s, d = '') => {
  status.textContent = s;
  detail.textContent = d;
};

function serve(port, origin) {
  let chars = 0;
  let mentions = 0;
  say('Loading the tagger…', `For ${origin}`);
  createEngine().then(
    (engine) => {
      port.onmessage = (e) => {
        const d = e.data;
        if (!d || d.k !== 'tag' || !Number.isInteger(d.id) || typeof d.text !== 'string') return;
        if (d.text.length > MAX_TEXT) {
          port.postMessage({ k: 'error', id: d.id, msg: 'text too long' });
          return;
        }
        try {
          const spans = engine.tagSpans(d.text);
          chars += d.text.length;
          mentions += spans.length / 4;
          port.postMessage({ k: 'spans', id: d.id, spans }, [spans.buffer]);
          say(`Tagged the text of ${origin}`, `${chars.toLocaleString('en')} characters, ${mentions.toLocaleString('en')} mentions.`);
        } catch (err) {
          port.postMessage({ k: 'error', id: d.id, msg: String((err && err.message) || err) });
        }
      };
      port.postMessage({ k: 'ready', v: engine.version, ents: engine.entities });
      say('Ready', `Tagging the text of ${origin}…`);
    },
    (err) => {
      port.postMessage({ k: 'fail', msg: String((err && err.message) || err) });
      say('The tagger could not start', String((err && err.message) || err));
    }
  );
}

if (!peer) {
  say(
    'Nothing to do here',
    'This page is the helper of the Sahel tagger bookmarklet. If the bookmarklet opened it, the page you are reading does not let it answer back: close this window and use "Copy page text" in the bookmarklet\'s panel.'
  );
} else {
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== peer || !d || d.t !== 'sahel-tagger' || d.k !== 'connect' || e.ports.length !== 1) return;
    serve(e.ports[0], e.origin);
  });
  // The hello carries nothing: the page answers with a port, sent to this origin only.
  peer.postMessage({ t: 'sahel-tagger', k: 'hello' }, '*');
}

// The bookmarklet's mentions as the shared modules read them (../../shared/mentions.js for the exports,
// ../../shared/card.js for the card), with the details the spans leave out (variant, candidates)
// asked of the engine chunk by chunk, when a card or an export first needs them: tagging for the
// highlights stays as fast as the spans make it.
import { records } from '../../shared/mentions.js';
import { mentionAt } from './text.js';

/**
 * Mention `m` (`{s, e, k, f, c, v, cand}`: UTF-16 offsets into `S.text`, entity index, flags, chunk,
 * and once known the variant and candidate ids) as `{entity, start, end, flags, variant, candidates}`.
 */
export function view(S, m) {
  return {
    entity: S.ents[m.k],
    start: m.s,
    end: m.e,
    flags: m.f,
    variant: m.v,
    candidates: (m.cand || []).map((id) => S.byId.get(id)).filter(Boolean),
    related: (m.rel || []).map((id) => S.byId.get(id)).filter(Boolean),
    reason: m.why || null,
    unlisted: m.u || null,
  };
}

/**
 * Resolves once the mentions of chunk `c` (`S.chunks[c]`: `{from, to}` in `S.text`) know their variant
 * and candidates: the chunk is tagged again with details by the engine (once per chunk; again after a
 * failure). The same text gives the same mentions, matched here by their offsets.
 */
export function details(S, c) {
  const ch = S.chunks[c];
  if (!ch.details) {
    const eng = S.eng;
    ch.details = eng.details(S.text.slice(ch.from, ch.to)).then(
      (list) => {
        for (const [s, e, v, cand, alt, why, rel] of list) {
          const m = mentionAt(S.M, ch.from + s);
          if (m && m.s === ch.from + s && m.e === ch.from + e) {
            m.v = v;
            m.cand = cand;
            m.alt = alt || [];
            m.why = why;
            m.rel = rel;
          }
        }
      },
      (err) => {
        if (S.chunks[c] === ch) ch.details = null;
        throw err;
      }
    );
  }
  return ch.details;
}

/**
 * The shared export records of every mention, with the details known so far and their review
 * (`S.reviewRows`, ../../shared/review.js `reviewed`: rejected ones left out unless `includeRejected`).
 */
export function rows(S, opts = {}) {
  const r = records({ text: S.text, n: S.M.length, mention: (i) => view(S, S.M[i]) }, undefined, S.doc);
  return S.reviewRows ? S.reviewRows(r, opts) : r;
}

/**
 * The mentions as JSON (with the page's URL and title, the document's title, URL and date as
 * docmeta.js reads them, what was read: the article or the whole page, and where they were found),
 * CSV, or the places as GeoJSON (one feature per place), once every chunk's details are known.
 */
export async function exportAs(S, fmt, opts = {}) {
  await Promise.all(S.chunks.map((_, c) => details(S, c)));
  // Made by the engine, on the tagger origin (../../shared/mentions.js exportText).
  return S.eng.format(fmt, rows(S, opts), S.doc, {
    url: location.href,
    title: document.title,
    read: S.only ? 'article' : 'page',
    tagger: { bookmarklet: S.VERSION, gazetteer: S.eng.v, origin: S.ORIGIN, villages: S.lay && S.lay.on ? S.CREDIT : null },
  });
}

// The document's title, URL and publication date, as its exports carry them (`doc_title`, `doc_url`,
// `doc_date`): one reading for the page (an opened .html file, parsed with DOMParser) and the
// bookmarklet (the visited page), so both say the same of the same page.
//
// Date, first found: <meta property="article:published_time"> (and its name= and og: forms), an
// itemprop="datePublished", JSON-LD `datePublished` (also in a @graph), Dublin Core and `date` meta
// tags, Readability's publishedTime (`found.date`), then the first <time datetime> in the article
// (`article`: its elements; else in an <article> or <main>). Kept as the page states it when it starts
// with a calendar date (YYYY-MM-DD…); another form that Date reads is given as YYYY-MM-DD.
// Title: og:title, twitter:title, JSON-LD headline, Readability's title, then <title>. URL: `url`
// (the bookmarklet: the address read), else the page's canonical link or og:url (absolute http(s)).

const DATE_META = ['article:published_time', 'og:published_time', 'og:article:published_time', 'datePublished', 'DC.date.issued', 'dcterms.created', 'date', 'pubdate', 'publishdate'];

const clean = (s, max = 500) => {
  const t = typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '';
  return t ? t.slice(0, max) : null;
};

/** A date as the page states it (YYYY-MM-DD…), or read by Date as YYYY-MM-DD; else null. */
export function normDate(s) {
  const t = clean(s, 64);
  if (!t) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return t;
  const d = new Date(t);
  return isNaN(d) || t.length < 6 ? null : d.toISOString().slice(0, 10);
}

function meta(doc, names) {
  for (const n of names) {
    for (const m of doc.querySelectorAll('meta[property],meta[name],meta[itemprop]')) {
      const k = m.getAttribute('property') || m.getAttribute('name') || m.getAttribute('itemprop');
      if (k && k.toLowerCase() === n.toLowerCase() && clean(m.getAttribute('content'))) return m.getAttribute('content');
    }
  }
  return null;
}

/** A field of the page's JSON-LD objects (an Article's first), looked for in arrays and @graph. */
function ld(doc, key) {
  for (const s of doc.querySelectorAll('script[type*="ld+json" i]')) {
    let v;
    try {
      v = JSON.parse(s.textContent);
    } catch (e) {
      continue;
    }
    const todo = [v];
    for (let i = 0; i < todo.length && i < 200; i++) {
      const o = todo[i];
      if (Array.isArray(o)) todo.push(...o);
      else if (o && typeof o === 'object') {
        if (typeof o[key] === 'string') return o[key];
        if (o['@graph']) todo.push(o['@graph']);
      }
    }
  }
  return null;
}

function absolute(u) {
  try {
    const x = new URL(clean(u) || '');
    return /^https?:$/.test(x.protocol) ? x.href : null;
  } catch (e) {
    return null;
  }
}

/**
 * `{title, url, date}` of `doc` (each a string or null). `found`: what Readability said (`title`,
 * `date`); `article`: the article's elements (a Set, or null for the whole page); `url`: the address
 * the page was read at, if any.
 */
export function docMeta(doc, { found = null, article = null, url = null } = {}) {
  const f = found || {};
  let date = normDate(meta(doc, DATE_META)) || normDate(ld(doc, 'datePublished')) || normDate(f.date);
  if (!date) {
    for (const t of doc.querySelectorAll('time[datetime]')) {
      const a = t.closest('article,main');
      const inArticle = article ? article.has(t) || (a && [...article].some((e) => a.contains(e))) : a;
      if (inArticle && (date = normDate(t.getAttribute('datetime')))) break;
    }
  }
  const title = clean(meta(doc, ['og:title', 'twitter:title'])) || clean(ld(doc, 'headline')) || clean(f.title) || clean(doc.title);
  const canonical = doc.querySelector('link[rel~="canonical" i][href]');
  return {
    title,
    url: absolute(url) || absolute(canonical && canonical.getAttribute('href')) || absolute(meta(doc, ['og:url'])),
    date,
  };
}

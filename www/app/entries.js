// The user's own gazetteer entries: a list of sources ({name, text}) that the worker loads over the
// embedded gazetteer (stored by entries-store.js). Entries made with the form become small TOML
// sources; the TOML is written here with every string escaped.

/** What the worker needs of a source. */
export function forWorker(sources) {
  return sources.map((s) => ({ name: s.name, text: s.text }));
}

/** A TOML basic string. */
export function tomlString(s) {
  return `"${String(s).replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\t':
        return '\\t';
      case '\r':
        return '\\r';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  })}"`;
}

/** Folding close enough to the tagger's to find duplicate spellings (the tagger has the last word). */
export function foldName(s) {
  return String(s)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼʻ′`´]/g, '')
    .replace(/[\s\-‐‑‒–—―]+/g, ' ')
    .trim();
}

/** Splits a list typed by a person: one per line, or separated by commas or semicolons. */
export function splitList(value) {
  return String(value || '')
    .split(/[\n,;]/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A valid entity id from a name: `user_` + lowercase ascii, unique among `taken`. */
export function makeId(name, taken) {
  const slug = String(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  const base = `user_${slug || 'entity'}`;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
  return id;
}

function variantToml(v) {
  if (!v.case && !v.possible) return tomlString(v.text);
  const parts = [`text = ${tomlString(v.text)}`];
  if (v.case) parts.push(`case = ${tomlString(v.case)}`);
  if (v.possible) parts.push('possible = true');
  return `{ ${parts.join(', ')} }`;
}

/** One `[[entity]]` table in the project's TOML format. */
export function entityToml(entity) {
  const lines = ['[[entity]]', `id = ${tomlString(entity.id)}`, `name = ${tomlString(entity.name)}`, `type = ${tomlString(entity.type)}`];
  if (entity.subtype) lines.push(`subtype = ${tomlString(entity.subtype)}`);
  // The name is always a variant: list only the others (an exact-case name stays listed).
  const variants = (entity.variants || []).filter((v) => !(v.text === entity.name && !v.case));
  if (variants.length) {
    lines.push('variants = [');
    for (const v of variants) lines.push(`  ${variantToml(v)},`);
    lines.push(']');
  }
  for (const key of ['description', 'lineage', 'parent', 'country', 'wikidata']) {
    if (entity[key]) lines.push(`${key} = ${tomlString(entity[key])}`);
  }
  for (const key of ['lat', 'lon']) {
    if (typeof entity[key] === 'number' && Number.isFinite(entity[key])) lines.push(`${key} = ${entity[key]}`);
  }
  if (Number.isInteger(entity.geonames)) lines.push(`geonames = ${entity.geonames}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The entity a form submission describes. With `base` (an existing entity) the result is a copy of it
 * with the new spellings added, which overrides it as a user entry.
 */
export function entityFromForm(form, { base = null, taken = new Set() } = {}) {
  const name = form.name.replace(/\s+/g, ' ').trim();
  if (!name) throw new Error('Give the entity a name.');
  const seen = new Set();
  const variants = [];
  const add = (text, options = {}) => {
    const key = `${options.case === 'exact' ? 'exact:' + text : foldName(text)}`;
    if (!text || seen.has(key) || !foldName(text)) return;
    seen.add(key);
    variants.push({ text, ...options });
  };
  if (base) {
    seen.add(foldName(base.name));
    for (const v of base.variants || []) {
      if (v.text === base.name && !v.case) continue;
      add(v.text, { ...(v.case ? { case: v.case } : {}), ...(v.possible ? { possible: true } : {}) });
    }
    if (foldName(name) !== foldName(base.name)) add(name);
  } else {
    seen.add(foldName(name));
  }
  const before = variants.length;
  for (const text of splitList(form.variants)) add(text);
  for (const text of splitList(form.acronyms)) add(text, { case: 'exact' });
  if (base && variants.length === before && !form.description && !form.subtype) {
    throw new Error(`Every spelling given is already known for ${base.name}.`);
  }
  if (base) {
    return {
      ...base,
      subtype: form.subtype || base.subtype,
      description: form.description || base.description,
      variants,
    };
  }
  return {
    id: makeId(name, taken),
    name,
    type: form.type,
    subtype: form.subtype || undefined,
    description: form.description || undefined,
    variants,
  };
}

/** Source name for an entry made with the form. */
export function formSourceName(entity) {
  return `entry-${entity.id}.toml`;
}

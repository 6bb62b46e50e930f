// Builds www/data/sahel-map.json, the data of the map (www/shared/map.js), offline:
//
// - country borders: Natural Earth 1:50m through the `world-atlas` npm package (TopoJSON), cut down to
//   the Sahel and its neighbours (COUNTRIES below), each shared arc simplified once (Douglas-Peucker,
//   SIMPLIFY degrees), so that neighbours keep a common border, then quantized to QUANTUM degrees
//   (about 1 km) and delta-encoded again;
// - region (admin1) labels for Mali, Burkina Faso and Niger: names and coordinates from the project's
//   own curated gazetteer (`gazetteer/places_*.toml`, entities with `subtype = "region"`; their
//   coordinates come from GeoNames). Regions the gazetteer gives no coordinates (Burkina Faso's regions
//   created in 2025, Mali's newer regions) are put at their capital, a town of the gazetteer
//   (CAPITALS). Regions no longer in force are listed in SUPERSEDED; a region of the three countries
//   that is in neither list stops the build, so a new gazetteer region is never silently left out.
//
// Usage: node tools/map-data.mjs [--out FILE]   writes the file (default www/data/sahel-map.json)
//        node tools/map-data.mjs --check       exits 1 if the file is not what this script writes
// The output is deterministic (same packages, same gazetteer: same bytes).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT = path.join(ROOT, 'www', 'data', 'sahel-map.json');

export const CREDIT = 'Borders: Natural Earth. Places: GeoNames (CC BY 4.0)';
/** Douglas-Peucker tolerance, in degrees (about 2 km; a pixel is 0.05° on a 800 px map of the Sahel). */
const SIMPLIFY = 0.02;
/** Grid of the output coordinates, in degrees. */
const QUANTUM = 0.01;

/** ISO 3166-1 numeric (world-atlas ids) → alpha-2: the Sahel, its neighbours, and enough around to frame them. */
const COUNTRIES = {
  466: 'ML', 854: 'BF', 562: 'NE', // the three countries of the tagger
  478: 'MR', 686: 'SN', 270: 'GM', 624: 'GW', 324: 'GN', 694: 'SL', 430: 'LR', 384: 'CI', 288: 'GH',
  768: 'TG', 204: 'BJ', 566: 'NG', 120: 'CM', 148: 'TD', 12: 'DZ', 434: 'LY', 504: 'MA', 732: 'EH',
  788: 'TN', 818: 'EG', 729: 'SD', 728: 'SS', 140: 'CF', 226: 'GQ', 266: 'GA', 178: 'CG', 132: 'CV',
};
const FOCUS = ['ML', 'BF', 'NE'];
const PARENTS = { ML: 'mali', BF: 'burkina_faso', NE: 'niger' };

/** Regions of the gazetteer that are not labelled: Burkina Faso's 13 regions before the July 2025 reform, and Azawad (not an administrative region). */
const SUPERSEDED = new Set([
  'boucle_du_mouhoun_region', 'cascades_region', 'centre_region_bf', 'centre_est_region', 'centre_nord_region',
  'centre_ouest_region', 'centre_sud_region', 'est_region_bf', 'hauts_bassins_region', 'nord_region_bf',
  'plateau_central_region', 'sahel_region_bf', 'sud_ouest_region', 'azawad',
]);
/** Region id → the gazetteer id of its capital, for regions without coordinates of their own. */
const CAPITALS = {
  bankui: 'dedougou', goulmou: 'fada_ngourma', liptako: 'dori', sirba_region: 'bogande', soum_region: 'djibo',
  tapoa_region: 'diapaga', sourou_region: 'tougan',
  nioro_region: 'nioro_du_sahel', kita_region: 'kita', dioila_region: 'dioila', nara_region: 'nara',
  bougouni_region: 'bougouni', koutiala_region: 'koutiala', san_region: 'san', douentza_region: 'douentza',
  bandiagara_region: 'bandiagara',
};

/** The short label of a region: "Région de Ségou" → "Ségou", "District de Bamako" → "Bamako". */
export function shortLabel(name) {
  return name
    .replace(/^(Région|District|Communauté urbaine)\s+(de la|de l'|du|des|de|d')\s*/u, '')
    .replace(/\s*\(.*\)$/u, '');
}

function regions() {
  const dir = path.join(ROOT, 'gazetteer');
  const entities = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .flatMap((f) => parseToml(fs.readFileSync(path.join(dir, f), 'utf8')).entity ?? []);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const out = [];
  const problems = [];
  for (const e of entities) {
    // A current region may name the former region it lies in as its parent (Liptako, Soum: in the old
    // Sahel region of Burkina Faso): it is still a region of the country.
    let parent = e.parent;
    while (SUPERSEDED.has(parent) && byId.has(parent)) parent = byId.get(parent).parent;
    if (e.subtype !== 'region' || !FOCUS.includes(e.country) || parent !== PARENTS[e.country]) continue;
    if (SUPERSEDED.has(e.id)) continue;
    let { lat, lon } = e;
    let at;
    if (typeof lat !== 'number' || typeof lon !== 'number') {
      const capital = byId.get(CAPITALS[e.id]);
      if (!capital || typeof capital.lat !== 'number') {
        problems.push(`region ${e.id} has no coordinates and no capital in CAPITALS`);
        continue;
      }
      ({ lat, lon } = capital);
      at = capital.id;
    }
    out.push({ id: e.id, name: e.name, label: shortLabel(e.name), country: e.country, lat, lon, ...(at ? { at } : {}) });
  }
  if (problems.length) throw new Error(`map-data: ${problems.join('; ')}`);
  // Two regions on the same spot (none today) would print one label over the other.
  const seen = new Map();
  for (const r of out) {
    const key = `${r.lat},${r.lon}`;
    if (seen.has(key)) throw new Error(`map-data: regions ${seen.get(key)} and ${r.id} share their coordinates`);
    seen.set(key, r.id);
  }
  return out.sort((a, b) => a.country.localeCompare(b.country) || a.id.localeCompare(b.id));
}

/** Douglas-Peucker on a polyline of [x, y] (degrees); keeps both ends. */
function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / len;
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  // A closed ring (an island's single arc) keeps at least 4 points, or it would vanish.
  const closed = points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1];
  let kept = points.filter((_, i) => keep[i]);
  if (closed && kept.length < 4) {
    const step = Math.max(1, Math.floor((points.length - 1) / 3));
    kept = [points[0], points[step], points[Math.min(2 * step, points.length - 2)], points.at(-1)];
  }
  return kept;
}

function borders() {
  const topo = require('world-atlas/countries-50m.json');
  const { scale, translate } = topo.transform;
  const geometries = topo.objects.countries.geometries
    .filter((g) => COUNTRIES[Number(g.id)])
    .map((g) => ({ ...g, a2: COUNTRIES[Number(g.id)] }));
  const missing = Object.values(COUNTRIES).filter((a2) => !geometries.some((g) => g.a2 === a2));
  if (missing.length) throw new Error(`map-data: not in world-atlas: ${missing.join(' ')}`);

  // The arcs the kept countries use, in order of first use.
  const used = new Map();
  const walk = (arcs) => (Array.isArray(arcs) ? arcs.map(walk) : remap(arcs));
  const remap = (i) => {
    const index = i < 0 ? ~i : i;
    if (!used.has(index)) used.set(index, used.size);
    const j = used.get(index);
    return i < 0 ? ~j : j;
  };
  const kept = geometries
    .sort((a, b) => a.a2.localeCompare(b.a2))
    .map((g) => ({ type: g.type, arcs: walk(g.arcs), id: g.a2, properties: { name: g.properties.name } }));

  const absolute = [...used.keys()].map((index) => {
    let x = 0;
    let y = 0;
    return topo.arcs[index].map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
  });
  const minX = Math.floor(Math.min(...absolute.flat().map((p) => p[0])));
  const minY = Math.floor(Math.min(...absolute.flat().map((p) => p[1])));
  const arcs = absolute.map((arc) => {
    const q = simplify(arc, SIMPLIFY).map(([x, y]) => [Math.round((x - minX) / QUANTUM), Math.round((y - minY) / QUANTUM)]);
    const out = [];
    let px = 0;
    let py = 0;
    q.forEach(([x, y], i) => {
      if (i > 0 && i < q.length - 1 && x === px && y === py) return; // a point the grid merged
      out.push([x - px, y - py]);
      px = x;
      py = y;
    });
    return out;
  });
  return {
    type: 'Topology',
    transform: { scale: [QUANTUM, QUANTUM], translate: [minX, minY] },
    objects: { countries: { type: 'GeometryCollection', geometries: kept } },
    arcs,
  };
}

export function build() {
  const atlas = require('world-atlas/package.json');
  const data = {
    about: `Generated by tools/map-data.mjs (do not edit): borders from world-atlas ${atlas.version} (Natural Earth 1:50m, public domain), simplified to ${SIMPLIFY}° and quantized to ${QUANTUM}°; region labels from gazetteer/*.toml (coordinates from GeoNames, CC BY 4.0).`,
    credit: CREDIT,
    focus: FOCUS,
    regions: regions(),
    topology: borders(),
  };
  // One region per line: readable diffs when the gazetteer changes; the topology stays on one line.
  const lines = Object.entries(data).map(([key, value]) =>
    key === 'regions'
      ? `  ${JSON.stringify(key)}: [\n${value.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n${lines.join(',\n')}\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const text = build();
  if (args.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(ROOT, OUT)} is out of date: run \`make map\``);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUT)} is up to date (${text.length} bytes)`);
  } else {
    const out = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : OUT;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    const regionCount = JSON.parse(text).regions.length;
    console.log(`wrote ${path.relative(ROOT, out)}: ${text.length} bytes, ${regionCount} region labels`);
  }
}

// The bookmarklet's styles: the panel and the card in its shadow root (the visited page's styles do not
// reach them), and the highlights in the page itself. Colours and letters come from the shared type
// table, so that a type looks the same here and on the tagger page.
import { TYPES, typeInfo } from '../../shared/types.js';

const FONT = 'system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif';

/** Per type: the variables the card and the swatches read (as style.css sets them on the page). */
const typeVars = (t) => `[data-type="${t.id}"]{--t-colour:${t.colour};--t-tint:${t.tint};--t-ink:${t.ink};--t-line:${t.line};--t-glyph:"${t.glyph}"}`;

export const PANEL_CSS = [
  ':host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important;--f:' + FONT + '!important}',
  `.box{position:fixed;top:12px;right:12px;width:310px;max-height:calc(100vh - 24px);display:flex;flex-direction:column;font:13px/1.4 var(--f);color:#202124;background:#fff;border:1px solid #bbb;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.28);overflow:hidden;text-align:left;direction:ltr}`,
  '.box.rtl{right:auto;left:12px}',
  'header{display:flex;align-items:center;gap:2px;padding:6px 6px 6px 10px;background:#1f2937;color:#fff}',
  'header b{flex:1;font-size:14px}',
  'button{font:inherit;cursor:pointer;border:1px solid #c4c4c4;background:#f6f7f8;color:#202124;border-radius:4px;padding:1px 8px;margin:0}',
  'button:hover{background:#e8eaed}',
  'header button{background:none;border-color:transparent;color:#fff;font-size:15px;line-height:1;padding:3px 7px}',
  'header button:hover{background:#374151}',
  '.st{padding:6px 10px 4px;font-size:12px;color:#3c4043}',
  'progress{display:block;width:calc(100% - 20px);margin:0 10px 6px;height:6px}',
  '.msg{padding:6px 10px;font-size:12px;background:#fff4e5;border-top:1px solid #f3d19c;border-bottom:1px solid #f3d19c}',
  '.msg p{margin:0 0 6px}.msg button{margin:0 4px 4px 0}.msg a{color:#1a55c8}',
  '.msg textarea{width:100%;height:70px;box-sizing:border-box;font:11px monospace}',
  // The panel's bands, one under the other, each with a rule below it.
  '.bar,.gn,.art,.tools,.map,.rvbox{border-bottom:1px solid #e4e4e4}',
  '.bar,.gn,.art,.tools{display:flex;gap:4px;padding:4px 10px 6px}.bar,.gn,.art{flex-wrap:wrap;align-items:center}',
  '.bar .pos{min-width:64px;text-align:center;font-variant-numeric:tabular-nums;font-size:12px}',
  '.bar .sp{flex:1}',
  // The three exports (JSON, CSV, GeoJSON) stay on the navigation's line in the panel's width.
  '.bar :is(.json,.csv,.geojson){padding:1px 5px;font-size:12px}',
  '.src{padding:4px 10px;font-size:11.5px;color:#565a61}',
  '.list{overflow:auto;padding:4px 0 8px}',
  '.ty{padding:2px 10px}',
  '.th{display:flex;align-items:center;gap:6px}',
  '.th label{font-weight:600}',
  // The swatch carries the type's letter (generated content: not part of the label's text).
  '.sw{min-width:14px;height:14px;border-radius:3px;flex:none;background:var(--t-tint);border-bottom:2px solid var(--t-line);box-sizing:border-box;font:700 10px/12px var(--f);color:var(--t-ink);text-align:center}',
  '.sw::before{content:var(--t-glyph)}',
  '.n{color:#5f6368;font-size:12px;font-variant-numeric:tabular-nums}',
  '.th button{border:0;background:none;padding:0 4px;color:#5f6368}',
  'ul{list-style:none;margin:0 0 4px;padding:0 0 0 17px}',
  'li{display:flex;gap:6px;align-items:baseline}',
  'li button{border:0;background:none;padding:0;text-align:start;color:#1a55c8;flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}',
  'li button:hover{background:none;text-decoration:underline}',
  'li.unl button{font-style:italic}li a.add{flex:none;font-size:11px;color:#1a55c8}',
  '.tip-cands{margin:2px 0 0;padding-left:16px}.tip-cands li.chosen{font-weight:600}',
  '.off{opacity:.45}',
  '.gn,.art{gap:2px 6px;padding:4px 10px;font-size:12px}',
  '.th label,.gn label,.art label{display:flex;align-items:center;gap:6px;flex:1;cursor:pointer}.th input,.gn input,.art input{margin:0}',
  '.gn .why,.art .why{flex-basis:100%;color:#5f6368}',
  '.art.warn .why{color:#8a4b00}',
  '.cr{padding:2px 10px;font-size:11px;color:#5f6368}.cr a{color:#1a55c8}',
  // The map and incident sheet buttons; the map's and the sheet's own styles come with them
  // (../../shared/panel-tools.js).
  '.tools button[aria-pressed="true"]{background:#1f2937;border-color:#1f2937;color:#fff}',
  '.box.wide{width:min(460px,calc(100vw - 24px))}',
  '.map{padding:6px 10px;flex:none}.map .why{margin:0;color:#8a4b00;font-size:12px}',
  '.rvbox{padding:2px 10px 6px}',
  // The mention card (../../shared/card.js), drawn as on the tagger page (style.css, light scheme).
  `.tip{position:fixed;max-width:min(26rem,calc(100vw - 16px));box-sizing:border-box;padding:8px 11px;background:#fff;color:#1b1c1e;border:1px solid #d5d8dd;border-top:4px solid var(--t-line,#d5d8dd);border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.16);font:12.5px/1.45 var(--f);pointer-events:none;direction:ltr;text-align:left;z-index:1}`,
  '.tip-head{font-size:14px;margin-bottom:2px}.tip-surface{font-style:italic}.tip-arrow,.tip-key,.tip-type,.tip-ids,.tip-credit{color:#565a61}',
  '.tip-type{display:flex;align-items:baseline;gap:.4em}',
  '.tip-type .glyph{display:inline-block;min-width:1.35em;padding:0 .25em;border-radius:3px;background:var(--t-tint);color:var(--t-ink);font-weight:700;text-align:center}',
  '.tip p{margin:4px 0 0}.tip-row{margin-top:2px}.tip-desc{font-size:12px}.tip-lineage{font-size:11.5px}',
  `.tip-warn{margin-top:4px;padding:3px 6px;border-left:3px solid ${typeInfo('media').line};background:#f0f1f3}`,
  '.tip-ids{font-size:11px}.tip-credit{margin-top:4px;font-size:11px}',
  ...TYPES.map(typeVars),
  '[hidden]{display:none!important}',
].join('');

/**
 * The highlight styles for the visited page (a constructed sheet: allowed by strict style-src
 * policies): per type, a tint and an underline in the type's colour; possible mentions (a village
 * name that is also a word...) paler, with a dashed underline; hidden types drawn as plain text.
 */
export function pageCss(types, hidden, P) {
  let css = '';
  for (const t of types) {
    const c = typeInfo(t).colour;
    const on = !hidden.has(t);
    css += '::highlight(' + P + t + '){background-color:' + c + '33;text-decoration:underline 2px ' + c + '}';
    css += '::highlight(' + P + t + '-p){background-color:' + c + '17;text-decoration:underline dashed 2px ' + c + '}';
    css += 'mark[data-sahel-t="' + t + '"]{all:unset;' + (on ? 'background-color:' + c + '33;box-shadow:inset 0 -2px ' + c : '') + '}';
    // A name no list holds (../../shared/unlisted.js): no tint, a dotted underline (a highlight cannot
    // have a frame); as a mark, the page's dashed frame.
    css += '::highlight(' + P + t + '-u){background-color:transparent;text-decoration:underline dotted 3px ' + c + '}';
    css += 'mark[data-sahel-t="' + t + '"][data-sahel-u]{' + (on ? 'background-color:transparent;box-shadow:none;outline:1.5px dashed ' + c : '') + '}';
    css += 'mark[data-sahel-t="' + t + '"][data-sahel-p]{' + (on ? 'background-color:' + c + '17;box-shadow:none;border-bottom:2px dashed ' + c : '') + '}';
  }
  // Rejected in the review (../../shared/review.js): struck through, no tint.
  css += '::highlight(' + P + 'rejected){text-decoration:line-through 2px #8a8f98}mark[data-sahel-t][data-sahel-r]{background:none;box-shadow:none;border:0;text-decoration:line-through 2px #8a8f98}';
  return css + '::highlight(' + P + 'current){background-color:#ffd400;color:#000}mark[data-sahel-t][data-sahel-cur]{background-color:#ffd400;color:#000}';
}

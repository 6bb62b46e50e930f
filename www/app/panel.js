// The legend (one toggle per type) and the entity panel (entities grouped by type, sorted by mention
// count; a click goes through the entity's mentions).
import { h, fmt, plural } from '../shared/dom.js';
import { TYPES } from './model.js';

/** Builds the type toggles into `container`; `onChange(type, shown)` on each change. */
export function buildLegend(container, onChange) {
  const counts = new Map();
  for (const type of TYPES) {
    const box = h('input', { type: 'checkbox', checked: true, 'data-type': type.id, 'aria-label': `Highlight ${type.plural.toLowerCase()}` });
    box.addEventListener('change', () => onChange(type.id, box.checked));
    const count = h('span', { class: 'count' }, '');
    counts.set(type.id, count);
    container.append(
      h(
        'label',
        { class: 'legend-item', 'data-type': type.id },
        box,
        h('span', { class: 'sample-mark', 'data-type': type.id }, type.plural),
        count,
      ),
    );
  }
  return {
    setCounts(byType) {
      for (const [id, el] of counts) {
        const n = byType.get(id) || 0;
        el.textContent = n ? fmt(n) : '';
        el.closest('.legend-item').classList.toggle('empty', !n);
      }
    },
  };
}

function fold(s) {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export class EntityPanel {
  /** `onAdd(index)`: "Add to my entries" on an unlisted name (entity `index` of the result). */
  constructor(list, filter, summary, onSelect, onAdd = () => {}) {
    this.list = list;
    this.filter = filter;
    this.summary = summary;
    this.onSelect = onSelect;
    this.hidden = new Set();
    this.buttons = new Map();
    filter.addEventListener('input', () => this.applyFilter());
    list.addEventListener('click', (event) => {
      const add = event.target.closest('button.add-entry');
      if (add) return onAdd(Number(add.dataset.index));
      const button = event.target.closest('button.entity');
      if (button) onSelect(button.dataset.entity, Number(button.dataset.index));
    });
  }

  /** Shows the entities of `result` (null: none). */
  update(result) {
    this.buttons = new Map();
    if (!result || result.n === 0) {
      this.list.replaceChildren(h('p', { class: 'placeholder' }, result ? 'No known entity in this text.' : 'Entities found in the text are listed here.'));
      this.summary.textContent = '';
      return;
    }
    const groups = new Map(TYPES.map((t) => [t.id, []]));
    let possibleOnly = 0;
    for (const [index, mentions] of result.byEntity()) {
      const entity = result.entities[index];
      const certain = result.certainCount(index);
      if (!certain) possibleOnly++;
      if (!groups.has(entity.type)) groups.set(entity.type, []);
      groups.get(entity.type).push({ entity, index, count: mentions.length, certain });
    }
    const fragment = document.createDocumentFragment();
    let entityCount = 0;
    for (const type of TYPES) {
      const rows = groups.get(type.id);
      if (!rows.length) continue;
      rows.sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
      const mentions = rows.reduce((sum, r) => sum + r.count, 0);
      entityCount += rows.length;
      const items = rows.map(({ entity, index, count, certain }) => {
        const button = h(
          'button',
          {
            type: 'button',
            class: `entity${certain ? '' : ' possible'}${entity.tier === 'user' ? ' user' : ''}${entity.unlisted ? ' unlisted' : ''}`,
            'data-entity': entity.id,
            'data-index': index,
            'data-type': entity.type,
            'data-search': fold(`${entity.name} ${entity.id} ${entity.subtype || ''}`),
          },
          h('span', { class: 'name' }, entity.name, entity.subtype ? h('span', { class: 'subtype' }, entity.subtype) : null),
          h('span', { class: 'position', 'aria-live': 'polite' }),
          h('span', { class: 'count', 'aria-label': `${plural(count, 'mention')}` }, fmt(count)),
        );
        this.buttons.set(entity.id, button);
        const add = entity.unlisted
          ? h('button', { type: 'button', class: 'add-entry', 'data-index': index, title: `Not in any list: add “${entity.name}” to my entries` }, 'Add to my entries')
          : null;
        return h('li', { class: entity.unlisted ? 'unlisted' : null }, button, add);
      });
      fragment.append(
        h(
          'section',
          { class: 'group', 'data-type': type.id },
          h(
            'h3',
            {},
            h('span', { class: 'sample-mark', 'data-type': type.id }, type.plural),
            h('span', { class: 'group-count' }, `${plural(rows.length, 'entity', 'entities')} · ${plural(mentions, 'mention')}`),
          ),
          h('ul', {}, items),
        ),
      );
    }
    this.list.replaceChildren(fragment);
    this.summary.textContent = `${plural(entityCount, 'entity', 'entities')}${possibleOnly ? `, ${fmt(possibleOnly)} only possible` : ''}`;
    this.applyHidden();
    this.applyFilter();
  }

  setHidden(hidden) {
    this.hidden = hidden;
    this.applyHidden();
  }

  applyHidden() {
    for (const group of this.list.querySelectorAll('.group')) {
      group.classList.toggle('off', this.hidden.has(group.dataset.type));
    }
  }

  applyFilter() {
    const query = fold(this.filter.value.trim());
    for (const button of this.buttons.values()) {
      button.parentElement.hidden = Boolean(query) && !button.dataset.search.includes(query);
    }
    for (const group of this.list.querySelectorAll('.group')) {
      group.hidden = !group.querySelector('li:not([hidden])');
    }
  }

  /** Marks `id` as the selected entity and shows "k / total" on it. */
  select(id, k, total) {
    for (const button of this.list.querySelectorAll('button.entity.selected')) {
      button.classList.remove('selected');
      button.querySelector('.position').textContent = '';
    }
    const button = this.buttons.get(id);
    if (!button) return;
    button.classList.add('selected');
    button.querySelector('.position').textContent = `${fmt(k + 1)} / ${fmt(total)}`;
    if (button.parentElement.hidden) return;
    const box = this.list.getBoundingClientRect();
    const rect = button.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) button.scrollIntoView({ block: 'nearest' });
  }
}

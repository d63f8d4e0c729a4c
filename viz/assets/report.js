// The workshop page's behaviour: pan and zoom the diagram, find a system, click it to see what
// it breaks and what it depends on, show a key change's impact and the cutover plan.
// Everything comes from the JSON in the element with id "data"; text from it reaches the page
// only through textContent, never as markup.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('data').textContent);

  // ---- The page's own words: English in the code (the gettext msgid), the catalogue's
  // translation from data.messages (po/nb.po) when the page is in bokmål. {name} is filled
  // in one pass, so a value is never read again as a pattern. ----
  const messages = data.messages || {};
  function t(english, values) {
    let text = Object.prototype.hasOwnProperty.call(messages, english) ? messages[english] : english;
    if (values) {
      text = text.replace(/\{(\w+)\}/g, (m, k) =>
        (Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m));
    }
    return text;
  }
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(e.textContent.trim());
  for (const e of document.querySelectorAll('[data-t-title]')) e.title = t(e.title);
  for (const e of document.querySelectorAll('[data-t-placeholder]')) e.placeholder = t(e.placeholder);
  const systems = data.systems;
  const integrations = data.integrations;
  // The impact and the plan come in the shapes of `landskap impact|plan --format json`, by id;
  // the page walks its graph by index.
  const systemIndex = new Map(systems.map((s, i) => [s.id, i]));
  const integrationIndex = new Map(integrations.map((e, i) => [e.id, i]));
  const outgoing = systems.map(() => []);
  const incoming = systems.map(() => []);
  integrations.forEach((e, i) => {
    outgoing[e.from].push(i);
    incoming[e.to].push(i);
  });

  // ---- Small DOM helpers: every text goes in through textContent, made visible. ----

  // Text from the data as every other landskap output shows it (VisibleText, engine/model/text.h):
  // line breaks and tabs as spaces, other control characters as \xNN (U+FFFE, U+FFFF as
  // \ufffe, \uffff), so that a name holding one reads the same here as in the diagram.
  function visible(text) {
    return String(text).replace(/\r\n?|[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, (c) => {
      if (c === '\t' || c === '\n' || c[0] === '\r') return ' ';
      const code = c.charCodeAt(0);
      return code <= 0xff ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16);
    });
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = visible(text);
    return node;
  }

  function label(s) {
    return s.name ? s.name : s.id;
  }

  // An owner as the pictures name it: "1246 Fjell" when the data knows the municipality's name
  // (owner_name, from engine/model/municipality.h), any other owner as written.
  function ownerLabel(s) {
    return s.owner && s.owner_name ? s.owner + ' ' + s.owner_name : s.owner;
  }
  // The same for an owner named on its own (the impact's changing municipalities, a plan's
  // resource), by the names the systems' data carries.
  const ownerNames = new Map();
  for (const s of data.systems) if (s.owner && s.owner_name) ownerNames.set(s.owner, s.owner_name);
  function ownerText(owner) {
    return ownerNames.has(owner) ? owner + ' ' + ownerNames.get(owner) : owner;
  }

  // A button that selects system `index` (names in lists are links to their details).
  function systemLink(index, text) {
    const b = el('button', 'system-link', text === undefined ? label(systems[index]) : text);
    b.type = 'button';
    b.title = systems[index].id;
    b.addEventListener('click', () => select(index, true));
    return b;
  }

  function nodeOf(index) {
    return document.getElementById('s' + index);
  }

  function edgeOf(index) {
    return document.getElementById('i' + index);
  }

  // ---- Blast radius: the engine's `impact --system ID --direction both`. ----
  // Downstream: consumers over every integration, transitively. Upstream: providers, likewise.
  // A system reached both ways counts as downstream, as in the engine. Integrations: those
  // between two downstream systems, or between two upstream ones.
  function walk(source, next, endOf) {
    const distance = new Map([[source, 0]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head];
      for (const e of next[u]) {
        const v = endOf(integrations[e]);
        if (distance.has(v)) continue;
        distance.set(v, distance.get(u) + 1);
        queue.push(v);
      }
    }
    return distance;
  }

  function blastRadius(source) {
    const down = walk(source, outgoing, (e) => e.to);
    const up = walk(source, incoming, (e) => e.from);
    const edges = { down: [], up: [] };
    integrations.forEach((e, i) => {
      if (down.has(e.from) && down.has(e.to)) edges.down.push(i);
      else if (up.has(e.from) && up.has(e.to)) edges.up.push(i);
    });
    return { down, up, edges };
  }

  // ---- Pan and zoom: each picture's viewBox is its camera. ----
  // Two pictures share the panel: the overview (one box per group, "g<N>" in data.overview)
  // and the diagram of every system. `cam` is the one shown; pan and zoom act on it.

  const container = document.getElementById('diagram');
  const svg = container.querySelector('svg');
  const overviewBox = document.getElementById('overview');
  const overviewSvg = overviewBox.querySelector('svg');
  const groups = data.overview ? data.overview.groups : [];

  function makeCamera(box, picture) {
    if (!picture) return null;
    const vb = picture.viewBox.baseVal;
    const home = vb && vb.width > 0
      ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height }
      : { x: 0, y: 0, w: picture.getBBox().width, h: picture.getBBox().height };
    picture.removeAttribute('width');
    picture.removeAttribute('height');
    picture.setAttribute('viewBox', [home.x, home.y, home.w, home.h].join(' '));
    return { box: box, svg: picture, home: home, view: home };
  }
  const cameras = { all: makeCamera(container, svg), overview: makeCamera(overviewBox, overviewSvg) };
  let cam = cameras.all;

  function setView(v) {
    if (!cam) return;
    cam.view = v;
    cam.svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].join(' '));
  }

  function toDiagram(clientX, clientY) {
    const p = cam.svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(cam.svg.getScreenCTM().inverse());
  }

  function zoomAt(factor, clientX, clientY) {
    if (!cam) return;
    const view = cam.view;
    const home = cam.home;
    const w = Math.min(Math.max(view.w / factor, home.w / 40), home.w * 4);
    const f = view.w / w;
    const p = toDiagram(clientX, clientY);
    setView({
      x: p.x - (p.x - view.x) / f,
      y: p.y - (p.y - view.y) / f,
      w: w,
      h: view.h / f,
    });
  }

  function zoomCentre(factor) {
    if (!cam) return;
    const r = cam.svg.getBoundingClientRect();
    zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
  }

  // Fits the view around the given elements (a system and its blast radius, a group).
  function showElements(elements) {
    if (!cam || elements.length === 0) return;
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const element of elements) {
      const r = element.getBoundingClientRect();
      left = Math.min(left, r.left);
      top = Math.min(top, r.top);
      right = Math.max(right, r.right);
      bottom = Math.max(bottom, r.bottom);
    }
    const a = toDiagram(left, top);
    const b = toDiagram(right, bottom);
    const pad = 20;
    setView({ x: a.x - pad, y: a.y - pad, w: b.x - a.x + 2 * pad, h: b.y - a.y + 2 * pad });
  }

  // Brings a system into the middle of the view, closer when the whole map is shown.
  function showNode(index) {
    const node = nodeOf(index);
    if (!node || !cam) return;
    const view = cam.view;
    const r = node.getBoundingClientRect();
    const c = toDiagram(r.left + r.width / 2, r.top + r.height / 2);
    const w = Math.min(view.w, Math.max(cam.home.w / 3, 500));
    const h = (view.h * w) / view.w;
    setView({ x: c.x - w / 2, y: c.y - h / 2, w: w, h: h });
  }

  // Shows the overview ("overview") or the diagram of every system ("all").
  const viewButtons = { overview: document.getElementById('show-overview'),
    all: document.getElementById('show-all') };
  function showView(name) {
    if (!cameras[name] || cam === cameras[name]) return;
    cam = cameras[name];
    overviewBox.hidden = name !== 'overview';
    container.hidden = name !== 'all';
    document.getElementById('hint-overview').hidden = name !== 'overview';
    document.getElementById('hint-all').hidden = name !== 'all';
    for (const [n, b] of Object.entries(viewButtons)) b.setAttribute('aria-pressed', String(n === name));
    document.body.setAttribute('data-view', name);
  }

  let drag = null; // {x, y, view, moved}
  let suppressClick = false;

  if (svg) {
    for (const c of [cameras.all, cameras.overview]) {
      if (!c) continue;
      c.box.addEventListener('wheel', (ev) => {
        ev.preventDefault();
        zoomAt(ev.deltaY < 0 ? 1.2 : 1 / 1.2, ev.clientX, ev.clientY);
      }, { passive: false });
      c.box.addEventListener('pointerdown', (ev) => {
        if (ev.button !== 0) return;
        drag = { x: ev.clientX, y: ev.clientY, view: cam.view, moved: false };
      });
    }
    window.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 5) return;
      if (!drag.moved) cam.box.classList.add('dragging');
      drag.moved = true;
      const scale = cam.svg.getScreenCTM().a;
      setView({ x: drag.view.x - dx / scale, y: drag.view.y - dy / scale, w: drag.view.w, h: drag.view.h });
    });
    window.addEventListener('pointerup', () => {
      if (drag && drag.moved) suppressClick = true;
      drag = null;
      container.classList.remove('dragging');
      overviewBox.classList.remove('dragging');
    });

    // The id of the nearest enclosing element of `target` matching `pattern`, within `root`.
    const hitIndex = (target, root, pattern) => {
      for (let at = target.closest('g'); at && at !== root; at = at.parentNode) {
        const m = pattern.exec(at.id);
        if (m) return +m[1];
      }
      return -1;
    };

    svg.addEventListener('click', (ev) => {
      if (suppressClick) {
        suppressClick = false;
        return;
      }
      const index = hitIndex(ev.target, svg, /^s(\d+)$/);
      if (index >= 0 && index < systems.length) select(index, false);
      else clearSelection();
    });

    if (overviewSvg) {
      overviewSvg.addEventListener('click', (ev) => {
        if (suppressClick) {
          suppressClick = false;
          return;
        }
        const index = hitIndex(ev.target, overviewSvg, /^g(\d+)$/);
        if (index >= 0 && index < groups.length) openGroup(index);
      });
      groups.forEach((g, n) => {
        const box = document.getElementById('g' + n);
        if (box) box.classList.add('grp-box');
      });
      viewButtons.overview.addEventListener('click', () => {
        showView('overview');
        clearSelection();
      });
      viewButtons.all.addEventListener('click', () => showView('all'));
      document.getElementById('views').hidden = false;
    }

    document.getElementById('zoom-in').addEventListener('click', () => zoomCentre(1.5));
    document.getElementById('zoom-out').addEventListener('click', () => zoomCentre(1 / 1.5));
    document.getElementById('zoom-fit').addEventListener('click', () => setView(cam.home));

    // Mark the diagram's systems and integrations, so styles can find them.
    systems.forEach((s, i) => {
      const node = nodeOf(i);
      if (node) node.classList.add('sys');
    });
    integrations.forEach((e, i) => {
      const edge = edgeOf(i);
      if (edge) edge.classList.add('int');
    });
  } else {
    document.querySelector('.zoom').hidden = true;
    document.querySelector('#diagram-panel .hint').hidden = true;
  }

  // ---- Selection: highlight and details. ----

  const details = document.getElementById('details');
  const marked = []; // [element, class] pairs set by the current selection
  let selected = null;

  function mark(element, cls) {
    if (!element) return;
    element.classList.add(cls);
    marked.push([element, cls]);
  }

  function clearSelection() {
    for (const [element, cls] of marked) element.classList.remove(cls);
    marked.length = 0;
    selected = null;
    container.classList.remove('focusing', 'grouping');
    document.body.removeAttribute('data-selected');
    document.body.removeAttribute('data-group');
    details.replaceChildren(el('p', 'placeholder', cam === cameras.overview
      ? t('Click a group in the overview to open its systems, or find a system by name above.')
      : t('Click a system in the diagram, or find it by name above.')));
  }

  // Opens group `n` of the overview: the diagram of every system, zoomed to the group's
  // systems with the others faded, and the group's systems listed in the details.
  function openGroup(n) {
    const g = groups[n];
    showView('all');
    clearSelection();
    container.classList.add('grouping');
    document.body.setAttribute('data-group', g.key);
    const members = new Set(g.systems);
    for (const s of g.systems) mark(nodeOf(s), 'grp');
    integrations.forEach((e, i) => {
      if (members.has(e.from) || members.has(e.to)) mark(edgeOf(i), 'grp');
    });
    const box = el('div', 'group');
    box.appendChild(el('h2', null, g.label));
    const inside = integrations.filter((e) => members.has(e.from) && members.has(e.to)).length;
    box.appendChild(el('p', 'group-counts', t(g.systems.length === 1
      ? '{n} system, {m} integrations between them.' : '{n} systems, {m} integrations between them.',
    { n: g.systems.length, m: inside })));
    const back = el('button', 'zoom-to', t('Back to the overview'));
    back.type = 'button';
    back.addEventListener('click', () => {
      showView('overview');
      clearSelection();
    });
    box.appendChild(back);
    const ol = el('ol', 'group-systems');
    const sorted = [...g.systems].sort((a, b) => {
      const x = label(systems[a]).toLowerCase(), y = label(systems[b]).toLowerCase();
      return x < y ? -1 : x > y ? 1 : (systems[a].id < systems[b].id ? -1 : 1);
    });
    for (const s of sorted) ol.appendChild(el('li')).appendChild(systemLink(s));
    box.appendChild(ol);
    details.replaceChildren(box);
    details.scrollTop = 0;
    showElements(g.systems.map(nodeOf).filter((x) => x));
  }

  function field(dl, name, value) {
    if (value === undefined || value === null || value === '' ||
        (Array.isArray(value) && value.length === 0)) return;
    dl.appendChild(el('dt', null, t(name)));
    dl.appendChild(el('dd', null, Array.isArray(value) ? value.join(', ') : value));
  }

  // Lists in the details stop here: a national register reaches most of the country, and a
  // list of 100 000 names helps nobody (nor the browser).
  const kListItems = 200;
  function moreNote(total) {
    return el('p', 'more', t('The first {n} of {total} are listed (landskap impact --system ID gives every one).',
      { n: kListItems, total: total }));
  }

  // A list of integrations: the system at the other end, the keys carried and the protocol.
  function integrationList(title, list, otherEnd) {
    const section = el('section', 'integrations');
    section.appendChild(el('h3', null, t(title) + ' (' + list.length + ')'));
    if (list.length === 0) {
      section.appendChild(el('p', 'none', t('none')));
      return section;
    }
    const ul = el('ul');
    for (const i of list.slice(0, kListItems)) {
      const e = integrations[i];
      const li = el('li');
      li.appendChild(systemLink(otherEnd(e)));
      const extra = [];
      if (e.carries.length) extra.push(e.carries.join(', '));
      if (e.protocol) extra.push(e.protocol);
      if (extra.length) li.appendChild(el('span', 'meta', ' ' + extra.join(' · ')));
      ul.appendChild(li);
    }
    section.appendChild(ul);
    if (list.length > kListItems) section.appendChild(moreNote(list.length));
    return section;
  }

  // Systems of one side of the blast radius, grouped by distance (nearest first, then by id),
  // each group a collapsible <details>: the nearest open, the far ones closed when the list is
  // long, so that Fjell's sak/arkiv shows its 8 direct providers, not 87 names at once.
  function reachList(title, cls, distances, exclude) {
    const list = [];
    for (const [s, d] of distances) if (d > 0 && !(exclude && exclude.has(s))) list.push([s, d]);
    list.sort((a, b) => a[1] - b[1] || (systems[a[0]].id < systems[b[0]].id ? -1 : 1));
    const section = el('section', 'reach ' + cls);
    section.appendChild(el('h3', null, t(title) + ' (' + list.length + ')'));
    if (list.length === 0) {
      section.appendChild(el('p', 'none', t('none')));
      return section;
    }
    const shown = list.slice(0, kListItems);
    const byDistance = new Map();
    for (const [s, d] of shown) {
      if (!byDistance.has(d)) byDistance.set(d, []);
      byDistance.get(d).push(s);
    }
    for (const [d, members] of byDistance) {
      const group = el('details', 'distance');
      group.open = d === 1 || list.length <= 20;
      const total = list.filter((x) => x[1] === d).length;
      group.appendChild(el('summary', null, (d === 1 ? t('1 step away') : t('{n} steps away', { n: d })) +
        ' (' + total + ')'));
      const ol = el('ol');
      for (const s of members) {
        const li = el('li');
        li.appendChild(el('span', 'dist', d));
        li.appendChild(systemLink(s));
        ol.appendChild(li);
      }
      group.appendChild(ol);
      section.appendChild(group);
    }
    if (list.length > kListItems) section.appendChild(moreNote(list.length));
    return section;
  }

  function select(index, centre) {
    showView('all');
    clearSelection();
    selected = index;
    const s = systems[index];
    const radius = blastRadius(index);
    document.body.setAttribute('data-selected', s.id);
    container.classList.add('focusing');
    for (const v of radius.down.keys()) mark(nodeOf(v), v === index ? 'sel' : 'down');
    for (const v of radius.up.keys()) if (!radius.down.has(v)) mark(nodeOf(v), 'up');
    for (const e of radius.edges.down) mark(edgeOf(e), 'down');
    for (const e of radius.edges.up) mark(edgeOf(e), 'up');

    const box = el('div', 'system');
    box.appendChild(el('h2', null, label(s)));
    if (svg && nodeOf(index)) {
      const zoom = el('button', 'zoom-to', t('Zoom to its blast radius'));
      zoom.type = 'button';
      zoom.addEventListener('click', () =>
        showElements(marked.filter(([e]) => e.classList.contains('sys')).map(([e]) => e)));
      box.appendChild(zoom);
    }
    const dl = el('dl');
    field(dl, 'id', s.id);
    field(dl, 'kind', s.kind ? t(s.kind) : s.kind);
    field(dl, 'owner', ownerLabel(s));
    field(dl, 'vendor', s.vendor);
    field(dl, 'product', s.product);
    field(dl, 'domain', s.domain);
    field(dl, 'criticality', s.criticality ? t(s.criticality) : s.criticality);
    field(dl, 'keys held', s.keys);
    box.appendChild(dl);
    const impactNote = impactLine(index);
    if (impactNote) box.appendChild(impactNote);
    const planNote = planLine(index);
    if (planNote) box.appendChild(planNote);
    box.appendChild(reachList('Breaks downstream', 'down', radius.down));
    box.appendChild(reachList('Depends on upstream', 'up', radius.up, radius.down));
    box.appendChild(integrationList('Receives from', incoming[index], (e) => e.from));
    box.appendChild(integrationList('Sends to', outgoing[index], (e) => e.to));
    details.replaceChildren(box);
    details.scrollTop = 0;
    if (centre) showNode(index);
  }

  document.getElementById('clear').addEventListener('click', clearSelection);
  document.addEventListener('keydown', (ev) => {
    if (ev.target instanceof HTMLInputElement) return;
    if (ev.key === 'Escape') clearSelection();
    else if (ev.key === '+' || ev.key === '=') zoomCentre(1.5);
    else if (ev.key === '-') zoomCentre(1 / 1.5);
    else if (ev.key === '0' && cam) setView(cam.home);
  });

  // ---- Search by id or name. ----

  const search = document.getElementById('search');
  const results = document.getElementById('search-results');
  let matches = [];
  let active = 0;
  // Search is forgiving: case, the Norwegian letters and accents are folded on both sides
  // (æ → ae, ø → o, å → a, é → e ...), so "oygarden" finds "Øygarden" and "o" finds "ø"; and
  // the words of the query may come in any order and in any of the fields: id, name, product,
  // vendor, owner (number and municipality name) and domain ("sak/arkiv fjell" finds
  // "Sak/arkiv (Fjell)", "360" finds Public 360, "visma" every Visma system, "Fjell" every
  // system of owner 1246).
  function fold(text) {
    return visible(text).toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  const folded = systems.map((s) => ({
    id: fold(s.id),
    name: fold(s.name),
    all: [s.id, s.name, s.product, s.vendor, s.owner, s.owner_name || '', s.domain].map(fold).join(' \u0001 '),
  }));

  function findSystems(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const words = q.split(/[\s,]+/).filter((w) => w);
    const scored = [];
    folded.forEach((f, i) => {
      let score = -1;
      if (f.id === q || f.name === q) score = 0;
      else if (f.id.startsWith(q) || f.name.startsWith(q)) score = 1;
      else if (f.id.includes(q) || f.name.includes(q)) score = 2;
      else if (words.every((w) => f.all.includes(w))) score = 3;
      if (score >= 0) scored.push([score, i]);
    });
    scored.sort((a, b) => a[0] - b[0] || (systems[a[1]].id < systems[b[1]].id ? -1 : 1));
    return scored.slice(0, 12).map((x) => x[1]);
  }

  function showResults() {
    results.replaceChildren();
    matches.forEach((i, n) => {
      const li = el('li', n === active ? 'active' : '');
      li.setAttribute('role', 'option');
      li.appendChild(el('span', 'name', label(systems[i])));
      li.appendChild(el('span', 'id', systems[i].id));
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(i);
      });
      results.appendChild(li);
    });
    if (search.value.trim() && matches.length === 0) {
      results.appendChild(el('li', 'empty', t('No system matches')));
    }
    results.hidden = !search.value.trim();
  }

  function choose(index) {
    results.hidden = true;
    search.value = systems[index].id;
    select(index, true);
  }

  search.addEventListener('input', () => {
    matches = findSystems(search.value);
    active = 0;
    showResults();
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && matches.length) {
      active = (active + 1) % matches.length;
      showResults();
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp' && matches.length) {
      active = (active + matches.length - 1) % matches.length;
      showResults();
      ev.preventDefault();
    } else if (ev.key === 'Enter' && matches.length) {
      choose(matches[active]);
    } else if (ev.key === 'Escape') {
      results.hidden = true;
    }
  });
  search.addEventListener('blur', () => { results.hidden = true; });
  search.addEventListener('focus', () => { if (search.value.trim()) showResults(); });

  // ---- The impact of a key change, computed by the engine and embedded. ----

  const impact = data.impact;
  const impactBySystem = new Map();
  const impactKey = impact ? impact.query.key : null;
  if (impact) impact.affected.forEach((a) => impactBySystem.set(systemIndex.get(a.id), a));

  function pathText(path) {
    return path.join(' → ');
  }

  function impactLine(index) {
    const a = impactBySystem.get(index);
    if (!impact) return null;
    const p = el('p', 'impact-note');
    if (!a) {
      p.textContent = visible(t('Not affected by a change of {key}.', { key: impactKey }));
      return p;
    }
    p.appendChild(el('strong', null, t('Affected by a change of {key}: ', { key: impactKey })));
    p.appendChild(document.createTextNode(visible(t('{reason}, distance {n}', { reason: a.reason, n: a.distance }) +
      (a.path.length > 1 ? t(', via {path}', { path: pathText(a.path) }) : '') + '.')));
    return p;
  }

  const impactMarks = [];
  function showImpact(on) {
    for (const [element, cls] of impactMarks) element.classList.remove(cls);
    impactMarks.length = 0;
    container.classList.toggle('impact-on', on);
    if (!on) return;
    for (const a of impact.affected) {
      const node = nodeOf(systemIndex.get(a.id));
      if (!node) continue;
      const cls = 'imp-' + Math.min(a.distance, 3);
      node.classList.add(cls);
      impactMarks.push([node, cls]);
    }
    for (const i of impact.integrations) {
      const edge = edgeOf(integrationIndex.get(i.id));
      if (!edge) continue;
      edge.classList.add('imp-edge');
      impactMarks.push([edge, 'imp-edge']);
    }
  }

  function impactLegend() {
    const legend = el('p', 'impact-legend');
    ['holds the key', '1 integration away', '2 away', '3 or more away'].forEach((words, d) => {
      const item = el('span', 'swatch-item');
      item.appendChild(el('span', 'swatch imp-sw-' + d));
      item.appendChild(document.createTextNode(t(words)));
      legend.appendChild(item);
    });
    return legend;
  }

  const kImpactRows = 500;
  function buildImpactSection() {
    const section = document.getElementById('impact');
    section.hidden = false;
    section.appendChild(el('h2', null, t('What a change of {key} breaks', { key: impactKey })));
    const reasons = {};
    for (const a of impact.affected) reasons[a.reason] = (reasons[a.reason] || 0) + 1;
    let summary = t('{n} systems and {m} integrations affected',
      { n: impact.affected.length, m: impact.integrations.length });
    const parts = Object.keys(reasons).sort().map((r) => reasons[r] + ' ' + r);
    if (parts.length) summary += ' (' + parts.join(', ') + ')';
    summary += '. ';
    summary += data.impact_scope_text;
    section.appendChild(el('p', 'summary', summary));
    section.appendChild(impactLegend());

    const table = el('table');
    const head = el('tr');
    ['criticality', 'dist', 'reason', 'system', 'name', 'owner', 'evidence'].forEach((h) =>
      head.appendChild(el('th', null, t(h))));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const a of impact.affected.slice(0, kImpactRows)) {
      const index = systemIndex.get(a.id);
      const s = systems[index];
      const tr = el('tr');
      tr.appendChild(el('td', 'crit crit-' + (s.criticality || 'none'), s.criticality || '-'));
      tr.appendChild(el('td', 'num', a.distance));
      tr.appendChild(el('td', 'nowrap', a.reason));
      tr.appendChild(el('td')).appendChild(systemLink(index, s.id));
      tr.appendChild(el('td', null, s.name));
      tr.appendChild(el('td', null, ownerLabel(s)));
      tr.appendChild(el('td', 'path', a.path.length > 1 ? pathText(a.path) : '-'));
      body.appendChild(tr);
    }
    table.appendChild(body);
    const wrap = el('div', 'table-wrap');
    wrap.appendChild(table);
    section.appendChild(wrap);
    if (impact.affected.length > kImpactRows) {
      section.appendChild(el('p', 'more', t('The first {n} of {total} affected systems are shown; ' +
        'landskap impact FILE --key {key} --format csv gives them all.',
      { n: kImpactRows, total: impact.affected.length, key: impactKey })));
    }
  }

  if (impact) {
    buildImpactSection();
    const toggle = document.getElementById('impact-toggle');
    document.getElementById('impact-toggle-text').textContent =
      visible(t('Show the {key} impact', { key: impactKey }));
    document.getElementById('impact-toggle-label').hidden = false;
    // While the view is on, its legend sits on the diagram (the diagram's own legend shows
    // the colours by kind, which the view replaces).
    const overlay = el('div', 'impact-overlay');
    overlay.appendChild(el('strong', null, t('Change of {key}', { key: impactKey })));
    overlay.appendChild(impactLegend());
    overlay.hidden = true;
    document.getElementById('diagram-panel').appendChild(overlay);
    toggle.addEventListener('change', () => {
      if (toggle.checked) showView('all');
      showImpact(toggle.checked);
      overlay.hidden = !toggle.checked || !svg;
    });
  }

  // ---- The cutover plan, computed by the engine and embedded. ----

  const plan = data.plan;
  const taskBySystem = new Map();
  if (plan && plan.tasks) plan.tasks.forEach((t) => taskBySystem.set(systemIndex.get(t.id), t));
  const indices = (ids) => ids.map((id) => systemIndex.get(id));

  // With a calendar: dates (first and last day of work). Without: day offsets from the start.
  function startText(t) {
    return t.start_date || 'day ' + t.es;
  }
  function finishText(t) {
    return t.finish_date || 'day ' + t.ef;
  }
  const dayUnit = plan && plan.workdays ? 'working days' : 'days';

  function planLine(index) {
    if (!plan || !plan.tasks) return null;
    const task = taskBySystem.get(index);
    const p = el('p', 'plan-note');
    if (!task) {
      p.textContent = t('Not in the cutover plan.');
      return p;
    }
    p.appendChild(el('strong', null, t('Cutover: ')));
    let text = t('wave {wave}, {n} {unit}', { wave: task.wave, n: task.duration, unit: t(dayUnit) }) +
      (task.estimated ? '' : t(' (default estimate)')) + ', ' +
      t('{start} to {finish}', { start: startText(task), finish: finishText(task) }) +
      t(', slack {n}', { n: task.slack }) + (task.critical ? t(': on the critical path') : '');
    if (task.bundle !== null) text += t('; switches together with bundle {n}', { n: task.bundle });
    if (task.wait_days > 0 && task.waiting_for) {
      text += t('; waited {n} {unit} for {resource}', { n: task.wait_days, unit: t(dayUnit),
        resource: resourceText(task.waiting_for) });
    }
    if (task.days_late > 0) text += t('; {n} days after the deadline', { n: task.days_late });
    if (task.external) text += t('; an external dependency (not the plan\'s own work)');
    p.appendChild(document.createTextNode(visible(text + '.')));
    return p;
  }

  // "vendor Visma", "owner 1246", "all work", as `landskap plan` names a resource.
  function resourceText(r) {
    if (r.of === 'all') return t('all work');
    return t(r.of) + ' ' + (r.of === 'owner' ? ownerText(r.name) : r.name);
  }

  // Systems as links joined by `separator` (arrows for a chain, commas for a set).
  function chain(list, separator = ' → ') {
    const p = el('p', 'chain');
    list.forEach((s, n) => {
      if (n) p.appendChild(document.createTextNode(separator));
      p.appendChild(systemLink(s));
    });
    return p;
  }

  // The critical path on the diagram: its systems, and the integrations between consecutive
  // ones (a step may also come from a cutover "after" constraint, with no integration to draw).
  const criticalMarks = [];
  function showCritical(on) {
    for (const [element, cls] of criticalMarks) element.classList.remove(cls);
    criticalMarks.length = 0;
    container.classList.toggle('critical-on', on);
    if (!on) return;
    const add = (element) => {
      if (!element) return;
      element.classList.add('crit');
      criticalMarks.push([element, 'crit']);
    };
    for (const path of plan.critical_paths.map(indices)) {
      path.forEach((s, n) => {
        add(nodeOf(s));
        if (n === 0) return;
        for (const e of outgoing[path[n - 1]]) if (integrations[e].to === s) add(edgeOf(e));
      });
    }
  }

  const kPlanRows = 500;
  function buildPlanSection() {
    const section = document.getElementById('plan');
    section.hidden = false;
    section.appendChild(el('h2', null, t('Cutover plan')));
    if (plan.errors && plan.errors.length) {
      section.appendChild(el('p', 'summary', t('The plan for {tasks} cannot be made: its cutover ' +
        'constraints contradict each other.', { tasks: plan.tasks_phrase })));
      const ul = el('ul', 'errors');
      for (const e of plan.errors) ul.appendChild(el('li', null, e));
      section.appendChild(ul);
      return;
    }
    const limited = plan.resources && plan.resources.length > 0;
    let summary = t(plan.waves.length === 1 ? 'Plan for {tasks}: {n} wave, {days} {unit}'
      : 'Plan for {tasks}: {n} waves, {days} {unit}',
    { tasks: plan.tasks_phrase, n: plan.waves.length, days: plan.duration_days, unit: t(dayUnit) });
    if (plan.start) summary += t(', from {start} to {finish}', { start: plan.start, finish: plan.finish_date });
    if (limited) {
      summary += t(' with the capacity limits; without them (the critical path) {days} {unit}',
        { days: plan.unconstrained_duration_days, unit: t(dayUnit) });
      if (plan.start) summary += t(', to {date}', { date: plan.unconstrained_finish_date });
      if (plan.bottleneck) summary += t('. Bottleneck: {resource}', { resource: resourceText(plan.bottleneck) });
    }
    summary += '.';
    if (plan.deadline) {
      summary += plan.late.length
        ? t(' Deadline {date}: {n} systems finish after it.', { date: plan.deadline, n: plan.late.length })
        : t(' Deadline {date}: everything is done in time.', { date: plan.deadline });
    }
    const external = plan.tasks.filter((t) => t.external).length;
    summary += t(' Our work: {ours} systems; {external} external dependencies (other owners\' ' +
      'systems the plan waits on).', { ours: plan.tasks.length - external, external });
    if (plan.calendar && plan.calendar.closed_days && plan.calendar.closed_days.length) {
      summary += t(' Closed: {days}.',
        { days: plan.calendar.closed_days.map((d) => d.date + ' ' + d.name).join(', ') });
    }
    if (!plan.start) summary += t(' Days count from the start (landskap report --start DATE gives dates).');
    section.appendChild(el('p', 'summary', summary));

    if (plan.critical_paths.length) {
      section.appendChild(el('h3', null, plan.critical_paths.length === 1
        ? t('Critical path (decides the go-live date)')
        : t('Critical paths ({n}; they decide the go-live date)', { n: plan.critical_paths.length })));
      for (const path of plan.critical_paths) section.appendChild(chain(indices(path)));
      if (plan.critical_paths_cut) {
        section.appendChild(el('p', 'more', t('There are more critical paths; landskap plan lists them.')));
      }
    }
    if (plan.bundles.length) {
      section.appendChild(el('h3', null, t('Bundles: systems on a cycle switch together')));
      plan.bundles.forEach((b, n) => {
        const p = chain(indices(b.systems), ', ');
        p.insertBefore(el('span', 'bundle-no', (n + 1) + ': '), p.firstChild);
        p.appendChild(el('span', 'cycle', t(' (cycle: {list})', { list: b.cycle.join(' → ') })));
        section.appendChild(p);
      });
    }

    const table = el('table');
    const head = el('tr');
    ['wave', 'system', 'owner', 'whose', 'vendor', dayUnit, 'start', 'finish', 'slack', 'notes'].forEach((h) =>
      head.appendChild(el('th', null, t(h))));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const task of plan.tasks.slice(0, kPlanRows)) {
      const index = systemIndex.get(task.id);
      const s = systems[index];
      const tr = el('tr', task.critical ? 'critical' : '');
      tr.appendChild(el('td', 'num', task.wave));
      tr.appendChild(el('td')).appendChild(systemLink(index));
      tr.appendChild(el('td', null, ownerLabel(s)));
      tr.appendChild(el('td', 'whose', task.external ? t('external') : t('ours')));
      tr.appendChild(el('td', null, s.vendor));
      tr.appendChild(el('td', 'num', task.duration + (task.estimated ? '' : '*')));
      tr.appendChild(el('td', null, startText(task)));
      tr.appendChild(el('td', null, finishText(task)));
      tr.appendChild(el('td', 'num', task.slack));
      const notes = [];
      if (task.critical) notes.push(t('critical'));
      if (task.bundle !== null) notes.push(t('bundle {n}', { n: task.bundle }));
      if (task.wait_days > 0 && task.waiting_for) {
        notes.push(t('waited {n} for {resource}', { n: task.wait_days, resource: resourceText(task.waiting_for) }));
      }
      if (task.days_late > 0) notes.push(t('{n} days late', { n: task.days_late }));
      tr.appendChild(el('td', null, notes.join(', ')));
      body.appendChild(tr);
    }
    table.appendChild(body);
    const wrap = el('div', 'table-wrap');
    wrap.appendChild(table);
    section.appendChild(wrap);
    const notes = [];
    if (plan.tasks.some((t) => !t.estimated)) notes.push(t('* no cutover.effort_days in the file: the default estimate.'));
    if (plan.tasks.length > kPlanRows) {
      notes.push(t('The first {n} of {total} tasks are shown; landskap plan FILE --format csv gives them all.',
        { n: kPlanRows, total: plan.tasks.length }));
    }
    if (notes.length) section.appendChild(el('p', 'more', notes.join(' ')));
  }

  if (plan) {
    buildPlanSection();
    // The Gantt chart (drawn by landskap with cairo) sits at the top of the plan section.
    const gantt = document.getElementById('gantt');
    if (gantt.querySelector('svg')) {
      const section = document.getElementById('plan');
      const heading = section.querySelector('h2');
      section.insertBefore(gantt, heading ? heading.nextSibling : section.firstChild);
      gantt.hidden = false;
    }
    if (plan.critical_paths && plan.critical_paths.length && svg) {
      const toggle = document.getElementById('critical-toggle');
      document.getElementById('critical-toggle-label').hidden = false;
      toggle.addEventListener('change', () => {
        if (toggle.checked) showView('all');
        showCritical(toggle.checked);
      });
    }
  }

  // The diagram and the details fill the window below the header, whatever its height.
  const header = document.querySelector('header');
  function fitToWindow() {
    document.documentElement.style.setProperty('--header-height', header.offsetHeight + 'px');
  }
  window.addEventListener('resize', fitToWindow);
  fitToWindow();

  // A big landscape opens on the overview (data.overview.first, see viz/report.h).
  document.body.setAttribute('data-view', 'all');
  if (data.overview && data.overview.first && cameras.overview) {
    showView('overview');
    clearSelection();
  }

  // ---- Footer. ----

  const footer = document.getElementById('footer');
  footer.textContent = visible(t('{systems} systems, {integrations} integrations', {
    systems: systems.length, integrations: integrations.length }) +
    (data.file ? t(', from {file}', { file: data.file }) : '') + '. ' +
    t('Made by landskap report; everything is inside this file, it works offline.'));

  window.landskapReport = { select: (id) => {
    const i = systems.findIndex((s) => s.id === id);
    if (i >= 0) select(i, true);
    return i >= 0;
  } };
})();

// The workshop page's behaviour: pan and zoom the diagram, find a system, click it to see what
// it breaks and what it depends on, show a key change's impact and the cutover plan.
// Everything comes from the JSON in the element with id "data"; text from it reaches the page
// only through textContent, never as markup.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('data').textContent);
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

  // Text from the data as every other landskap output shows it (VisibleText, engine/text.h):
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

  // ---- Pan and zoom: the SVG's viewBox is the camera. ----

  const container = document.getElementById('diagram');
  const svg = container.querySelector('svg');
  let home = null; // the viewBox that shows everything
  let view = null;

  function setView(v) {
    view = v;
    svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].join(' '));
  }

  function toDiagram(clientX, clientY) {
    const p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }

  function zoomAt(factor, clientX, clientY) {
    if (!view) return;
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
    const r = svg.getBoundingClientRect();
    zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
  }

  // Fits the view around the given elements (a system and its blast radius).
  function showElements(elements) {
    if (!view || elements.length === 0) return;
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
    if (!node || !view) return;
    const r = node.getBoundingClientRect();
    const c = toDiagram(r.left + r.width / 2, r.top + r.height / 2);
    const w = Math.min(view.w, Math.max(home.w / 3, 500));
    const h = (view.h * w) / view.w;
    setView({ x: c.x - w / 2, y: c.y - h / 2, w: w, h: h });
  }

  let drag = null; // {x, y, view, moved}
  let suppressClick = false;

  if (svg) {
    const vb = svg.viewBox.baseVal;
    home = vb && vb.width > 0
      ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height }
      : { x: 0, y: 0, w: svg.getBBox().width, h: svg.getBBox().height };
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    setView(home);

    container.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      zoomAt(ev.deltaY < 0 ? 1.2 : 1 / 1.2, ev.clientX, ev.clientY);
    }, { passive: false });

    container.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, view: view, moved: false };
    });
    window.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 5) return;
      if (!drag.moved) container.classList.add('dragging');
      drag.moved = true;
      const scale = svg.getScreenCTM().a;
      setView({ x: drag.view.x - dx / scale, y: drag.view.y - dy / scale, w: drag.view.w, h: drag.view.h });
    });
    window.addEventListener('pointerup', () => {
      if (drag && drag.moved) suppressClick = true;
      drag = null;
      container.classList.remove('dragging');
    });

    svg.addEventListener('click', (ev) => {
      if (suppressClick) {
        suppressClick = false;
        return;
      }
      const g = ev.target.closest('g');
      let at = g;
      while (at && at !== svg) {
        const m = /^s(\d+)$/.exec(at.id);
        if (m && +m[1] < systems.length) {
          select(+m[1], false);
          return;
        }
        at = at.parentNode;
      }
      clearSelection();
    });

    document.getElementById('zoom-in').addEventListener('click', () => zoomCentre(1.5));
    document.getElementById('zoom-out').addEventListener('click', () => zoomCentre(1 / 1.5));
    document.getElementById('zoom-fit').addEventListener('click', () => setView(home));

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
    container.classList.remove('focusing');
    document.body.removeAttribute('data-selected');
    details.replaceChildren(el('p', 'placeholder',
      'Click a system in the diagram, or find it by name above.'));
  }

  function field(dl, name, value) {
    if (value === undefined || value === null || value === '' ||
        (Array.isArray(value) && value.length === 0)) return;
    dl.appendChild(el('dt', null, name));
    dl.appendChild(el('dd', null, Array.isArray(value) ? value.join(', ') : value));
  }

  // Lists in the details stop here: a national register reaches most of the country, and a
  // list of 100 000 names helps nobody (nor the browser).
  const kListItems = 200;
  function moreNote(total) {
    return el('p', 'more', 'The first ' + kListItems + ' of ' + total +
      ' are listed (landskap impact --system ID gives every one).');
  }

  // A list of integrations: the system at the other end, the keys carried and the protocol.
  function integrationList(title, list, otherEnd) {
    const section = el('section', 'integrations');
    section.appendChild(el('h3', null, title + ' (' + list.length + ')'));
    if (list.length === 0) {
      section.appendChild(el('p', 'none', 'none'));
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

  // Systems of one side of the blast radius, nearest first, then by id.
  function reachList(title, cls, distances, exclude) {
    const list = [];
    for (const [s, d] of distances) if (d > 0 && !(exclude && exclude.has(s))) list.push([s, d]);
    list.sort((a, b) => a[1] - b[1] || (systems[a[0]].id < systems[b[0]].id ? -1 : 1));
    const section = el('section', 'reach ' + cls);
    section.appendChild(el('h3', null, title + ' (' + list.length + ')'));
    if (list.length === 0) {
      section.appendChild(el('p', 'none', 'none'));
      return section;
    }
    const ol = el('ol');
    for (const [s, d] of list.slice(0, kListItems)) {
      const li = el('li');
      li.appendChild(el('span', 'dist', d));
      li.appendChild(systemLink(s));
      ol.appendChild(li);
    }
    section.appendChild(ol);
    if (list.length > kListItems) section.appendChild(moreNote(list.length));
    return section;
  }

  function select(index, centre) {
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
      const zoom = el('button', 'zoom-to', 'Zoom to its blast radius');
      zoom.type = 'button';
      zoom.addEventListener('click', () =>
        showElements(marked.filter(([e]) => e.classList.contains('sys')).map(([e]) => e)));
      box.appendChild(zoom);
    }
    const dl = el('dl');
    field(dl, 'id', s.id);
    field(dl, 'kind', s.kind);
    field(dl, 'owner', s.owner);
    field(dl, 'vendor', s.vendor);
    field(dl, 'product', s.product);
    field(dl, 'domain', s.domain);
    field(dl, 'criticality', s.criticality);
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
    else if (ev.key === '0' && home) setView(home);
  });

  // ---- Search by id or name. ----

  const search = document.getElementById('search');
  const results = document.getElementById('search-results');
  let matches = [];
  let active = 0;
  // Names are searched as they are shown.
  const lowered = systems.map((s) => [s.id.toLowerCase(), visible(s.name).toLowerCase()]);

  function findSystems(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const scored = [];
    lowered.forEach(([id, name], i) => {
      let score = -1;
      if (id === q || name === q) score = 0;
      else if (id.startsWith(q) || name.startsWith(q)) score = 1;
      else if (id.includes(q) || name.includes(q)) score = 2;
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
      results.appendChild(el('li', 'empty', 'No system matches'));
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
      p.textContent = 'Not affected by a change of ' + impactKey + '.';
      return p;
    }
    p.appendChild(el('strong', null, 'Affected by a change of ' + impactKey + ': '));
    p.appendChild(document.createTextNode(a.reason + ', distance ' + a.distance +
      (a.path.length > 1 ? ', via ' + pathText(a.path) : '') + '.'));
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
    ['holds the key', '1 integration away', '2 away', '3 or more away'].forEach((t, d) => {
      const item = el('span', 'swatch-item');
      item.appendChild(el('span', 'swatch imp-sw-' + d));
      item.appendChild(document.createTextNode(t));
      legend.appendChild(item);
    });
    return legend;
  }

  const kImpactRows = 500;
  function buildImpactSection() {
    const section = document.getElementById('impact');
    section.hidden = false;
    section.appendChild(el('h2', null, 'What a change of ' + impactKey + ' breaks'));
    const reasons = {};
    for (const a of impact.affected) reasons[a.reason] = (reasons[a.reason] || 0) + 1;
    let summary = impact.affected.length + ' systems and ' + impact.integrations.length +
      ' integrations affected';
    const parts = Object.keys(reasons).sort().map((r) => reasons[r] + ' ' + r);
    if (parts.length) summary += ' (' + parts.join(', ') + ')';
    summary += '. ';
    const scope = impact.summary.scope;
    summary += scope.scoped
      ? 'Scope: the municipalities whose number changes (' + scope.changing.join(', ') +
        ') and shared systems.'
      : 'Every system holding ' + impactKey + ' is a starting point.';
    section.appendChild(el('p', 'summary', summary));
    section.appendChild(impactLegend());

    const table = el('table');
    const head = el('tr');
    ['criticality', 'dist', 'reason', 'system', 'name', 'owner', 'evidence'].forEach((h) =>
      head.appendChild(el('th', null, h)));
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
      tr.appendChild(el('td', null, s.owner));
      tr.appendChild(el('td', 'path', a.path.length > 1 ? pathText(a.path) : '-'));
      body.appendChild(tr);
    }
    table.appendChild(body);
    const wrap = el('div', 'table-wrap');
    wrap.appendChild(table);
    section.appendChild(wrap);
    if (impact.affected.length > kImpactRows) {
      section.appendChild(el('p', 'more', 'The first ' + kImpactRows + ' of ' +
        impact.affected.length + ' affected systems are shown; landskap impact FILE --key ' +
        impactKey + ' --format csv gives them all.'));
    }
  }

  if (impact) {
    buildImpactSection();
    const toggle = document.getElementById('impact-toggle');
    document.getElementById('impact-toggle-text').textContent =
      'Show the ' + impactKey + ' impact';
    document.getElementById('impact-toggle-label').hidden = false;
    // While the view is on, its legend sits on the diagram (the diagram's own legend shows
    // the colours by kind, which the view replaces).
    const overlay = el('div', 'impact-overlay');
    overlay.appendChild(el('strong', null, 'Change of ' + impactKey));
    overlay.appendChild(impactLegend());
    overlay.hidden = true;
    document.getElementById('diagram-panel').appendChild(overlay);
    toggle.addEventListener('change', () => {
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
    const t = taskBySystem.get(index);
    const p = el('p', 'plan-note');
    if (!t) {
      p.textContent = 'Not in the cutover plan.';
      return p;
    }
    p.appendChild(el('strong', null, 'Cutover: '));
    let text = 'wave ' + t.wave + ', ' + t.duration + ' ' + dayUnit +
      (t.estimated ? '' : ' (default estimate)') + ', ' + startText(t) + ' to ' + finishText(t) +
      ', slack ' + t.slack + (t.critical ? ': on the critical path' : '');
    if (t.bundle !== null) text += '; switches together with bundle ' + t.bundle;
    if (t.wait_days > 0 && t.waiting_for) {
      text += '; waited ' + t.wait_days + ' ' + dayUnit + ' for ' + resourceText(t.waiting_for);
    }
    if (t.days_late > 0) text += '; ' + t.days_late + ' days after the deadline';
    if (t.external) text += '; an external dependency (not the plan\'s own work)';
    p.appendChild(document.createTextNode(text + '.'));
    return p;
  }

  // "vendor Visma", "owner 1246", "all work", as `landskap plan` names a resource.
  function resourceText(r) {
    return r.of === 'all' ? 'all work' : r.of + ' ' + r.name;
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
    section.appendChild(el('h2', null, 'Cutover plan'));
    if (plan.errors && plan.errors.length) {
      section.appendChild(el('p', 'summary', 'The plan for ' + plan.tasks_phrase +
        ' cannot be made: its cutover constraints contradict each other.'));
      const ul = el('ul', 'errors');
      for (const e of plan.errors) ul.appendChild(el('li', null, e));
      section.appendChild(ul);
      return;
    }
    const limited = plan.resources && plan.resources.length > 0;
    let summary = 'Plan for ' + plan.tasks_phrase + ': ' + plan.waves.length +
      (plan.waves.length === 1 ? ' wave, ' : ' waves, ') + plan.duration_days + ' ' + dayUnit;
    if (plan.start) summary += ', from ' + plan.start + ' to ' + plan.finish_date;
    if (limited) {
      summary += ' with the capacity limits; without them (the critical path) ' +
        plan.unconstrained_duration_days + ' ' + dayUnit;
      if (plan.start) summary += ', to ' + plan.unconstrained_finish_date;
      if (plan.bottleneck) summary += '. Bottleneck: ' + resourceText(plan.bottleneck);
    }
    summary += '.';
    if (plan.deadline) {
      summary += ' Deadline ' + plan.deadline + ': ' + (plan.late.length
        ? plan.late.length + ' systems finish after it.'
        : 'everything is done in time.');
    }
    const external = plan.tasks.filter((t) => t.external).length;
    summary += ' Our work: ' + (plan.tasks.length - external) + ' systems; ' + external +
      ' external dependencies (other owners\' systems the plan waits on).';
    if (plan.calendar && plan.calendar.closed_days && plan.calendar.closed_days.length) {
      summary += ' Closed: ' + plan.calendar.closed_days.map((d) => d.date + ' ' + d.name).join(', ') + '.';
    }
    if (!plan.start) summary += ' Days count from the start (landskap report --start DATE gives dates).';
    section.appendChild(el('p', 'summary', summary));

    if (plan.critical_paths.length) {
      section.appendChild(el('h3', null, plan.critical_paths.length === 1
        ? 'Critical path (decides the go-live date)'
        : 'Critical paths (' + plan.critical_paths.length + '; they decide the go-live date)'));
      for (const path of plan.critical_paths) section.appendChild(chain(indices(path)));
      if (plan.critical_paths_cut) {
        section.appendChild(el('p', 'more', 'There are more critical paths; landskap plan lists them.'));
      }
    }
    if (plan.bundles.length) {
      section.appendChild(el('h3', null, 'Bundles: systems on a cycle switch together'));
      plan.bundles.forEach((b, n) => {
        const p = chain(indices(b.systems), ', ');
        p.insertBefore(el('span', 'bundle-no', (n + 1) + ': '), p.firstChild);
        p.appendChild(el('span', 'cycle', ' (cycle: ' + b.cycle.join(' → ') + ')'));
        section.appendChild(p);
      });
    }

    const table = el('table');
    const head = el('tr');
    ['wave', 'system', 'owner', 'whose', 'vendor', dayUnit, 'start', 'finish', 'slack', 'notes'].forEach((h) =>
      head.appendChild(el('th', null, h)));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const t of plan.tasks.slice(0, kPlanRows)) {
      const index = systemIndex.get(t.id);
      const s = systems[index];
      const tr = el('tr', t.critical ? 'critical' : '');
      tr.appendChild(el('td', 'num', t.wave));
      tr.appendChild(el('td')).appendChild(systemLink(index));
      tr.appendChild(el('td', null, s.owner));
      tr.appendChild(el('td', 'whose', t.external ? 'external' : 'ours'));
      tr.appendChild(el('td', null, s.vendor));
      tr.appendChild(el('td', 'num', t.duration + (t.estimated ? '' : '*')));
      tr.appendChild(el('td', null, startText(t)));
      tr.appendChild(el('td', null, finishText(t)));
      tr.appendChild(el('td', 'num', t.slack));
      const notes = [];
      if (t.critical) notes.push('critical');
      if (t.bundle !== null) notes.push('bundle ' + t.bundle);
      if (t.wait_days > 0 && t.waiting_for) {
        notes.push('waited ' + t.wait_days + ' for ' + resourceText(t.waiting_for));
      }
      if (t.days_late > 0) notes.push(t.days_late + ' days late');
      tr.appendChild(el('td', null, notes.join(', ')));
      body.appendChild(tr);
    }
    table.appendChild(body);
    const wrap = el('div', 'table-wrap');
    wrap.appendChild(table);
    section.appendChild(wrap);
    const notes = [];
    if (plan.tasks.some((t) => !t.estimated)) notes.push('* no cutover.effort_days in the file: the default estimate.');
    if (plan.tasks.length > kPlanRows) {
      notes.push('The first ' + kPlanRows + ' of ' + plan.tasks.length +
        ' tasks are shown; landskap plan FILE --format csv gives them all.');
    }
    if (notes.length) section.appendChild(el('p', 'more', notes.join(' ')));
  }

  if (plan) {
    buildPlanSection();
    if (plan.critical_paths && plan.critical_paths.length && svg) {
      const toggle = document.getElementById('critical-toggle');
      document.getElementById('critical-toggle-label').hidden = false;
      toggle.addEventListener('change', () => showCritical(toggle.checked));
    }
  }

  // The diagram and the details fill the window below the header, whatever its height.
  const header = document.querySelector('header');
  function fitToWindow() {
    document.documentElement.style.setProperty('--header-height', header.offsetHeight + 'px');
  }
  window.addEventListener('resize', fitToWindow);
  fitToWindow();

  // ---- Footer. ----

  const footer = document.getElementById('footer');
  footer.textContent = systems.length + ' systems, ' + integrations.length +
    ' integrations' + (data.file ? ', from ' + data.file : '') +
    '. Made by landskap report; everything is inside this file, it works offline.';

  window.landskapReport = { select: (id) => {
    const i = systems.findIndex((s) => s.id === id);
    if (i >= 0) select(i, true);
    return i >= 0;
  } };
})();

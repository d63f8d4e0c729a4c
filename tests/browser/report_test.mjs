// The workshop page in a real browser: Debian's chromium, headless, driven by playwright-core
// (no browser download). Opens pages made by `landskap report` from file:// URLs with every
// network request refused, clicks systems and compares the highlight with
// `landskap impact --system ID --direction both`, checks the overview it opens on (a click on
// an owner's box opens its systems), search, pan and zoom and the key impact view, and checks
// that a page of hostile names runs no script. Takes screenshots (1920×1080 of the overview).
//
//   node report_test.mjs --landskap BIN --source DIR --work DIR [--dataset FILE]
//
// Exit codes: 0 passed, 1 failed (also when node is older than playwright-core needs),
// 77 skipped (no chromium). In CI (LANDSKAP_CI=1) a missing chromium fails (exit 1) instead.
// A precondition a fixture is known to meet (the overview's buttons, a system of owner 1246)
// is a check of its own: when it does not hold, the test fails rather than leaving out the
// checks that depend on it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const kSkip = 77;
const kCi = process.env.LANDSKAP_CI === '1';
const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const required of ['landskap', 'source', 'work']) {
    if (!args[required]) {
      console.error(`usage: node report_test.mjs --landskap BIN --source DIR --work DIR [--dataset FILE]`);
      process.exit(2);
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));

// The oldest Node.js the locked playwright-core runs on is its engines.node in package-lock.json;
// an older node fails here with the version it needs instead of inside playwright-core.
function checkNodeVersion() {
  const lock = JSON.parse(fs.readFileSync(path.join(here, 'package-lock.json'), 'utf8'));
  const engine = lock.packages?.['node_modules/playwright-core']?.engines?.node ?? '';
  const needed = Number((engine.match(/\d+/) ?? ['0'])[0]);
  const major = Number(process.versions.node.split('.')[0]);
  if (major < needed) {
    console.log(`FAIL: ${process.execPath} is Node.js ${process.version}; the browser test ` +
      `(playwright-core in tests/browser/package-lock.json) needs Node.js ${needed} or newer.`);
    process.exit(1);
  }
}
checkNodeVersion();

// The chromium binary: LANDSKAP_CHROMIUM when set (to try the skip: a path that does not
// exist), else `chromium` on the PATH. Missing, the test is skipped, or fails in CI.
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findChromium() {
  const given = process.env.LANDSKAP_CHROMIUM;
  if (given) {
    if (isExecutable(given)) return { path: given };
    return { missing: `LANDSKAP_CHROMIUM=${given} is not an executable file` };
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'chromium');
    if (isExecutable(candidate)) return { path: candidate };
  }
  return { missing: `chromium is not on the PATH (${process.env.PATH || ''}); Debian: apt-get install chromium` };
}

const chromiumFound = findChromium();
if (!chromiumFound.path) {
  if (kCi) {
    console.log(`FAIL: ${chromiumFound.missing}; in CI (LANDSKAP_CI=1) the browser test of the ` +
      'workshop page must run.');
    process.exit(1);
  }
  console.log(`SKIP: ${chromiumFound.missing}; the browser test of the workshop page did not run.`);
  process.exit(kSkip);
}
const kChromium = chromiumFound.path;

// playwright-core from tests/browser/node_modules; `npm ci` installs the locked version.
async function loadPlaywright() {
  const entry = path.join(here, 'node_modules', 'playwright-core', 'index.mjs');
  if (!fs.existsSync(entry)) {
    console.log('Installing playwright-core (npm ci --prefix tests/browser) ...');
    const r = spawnSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund', '--loglevel=error'],
      { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
    if (r.status !== 0) {
      console.error('FAIL: npm ci --prefix tests/browser did not succeed');
      process.exit(1);
    }
  }
  return import(pathToFileURL(entry).href);
}

let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL: ${what}${detail ? '\n  ' + detail : ''}`);
  }
}

function sameSet(a, b) {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function describeDifference(got, want) {
  const g = new Set(got);
  const w = new Set(want);
  const extra = [...g].filter((v) => !w.has(v)).sort();
  const missing = [...w].filter((v) => !g.has(v)).sort();
  return `page has extra [${extra.join(', ')}], misses [${missing.join(', ')}]`;
}

function landskap(...cliArgs) {
  return execFileSync(args.landskap, cliArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
}

function makeReport(file, name, extra = []) {
  const out = path.join(args.work, name + '.html');
  fs.rmSync(out, { force: true });
  landskap('report', file, '-o', out, ...extra);
  return out;
}

// The engine's answer for one system, as sets of system and integration ids.
function engineBlastRadius(file, systemId) {
  const r = JSON.parse(landskap('impact', file, '--system', systemId, '--direction', 'both',
    '--format', 'json'));
  return { systems: r.affected.map((a) => a.id), integrations: r.integrations.map((i) => i.id) };
}

function engineKeyImpact(file, key) {
  const r = JSON.parse(landskap('impact', file, '--key', key, '--format', 'json'));
  return { systems: r.affected.map((a) => a.id), integrations: r.integrations.map((i) => i.id) };
}

// A fresh browser profile each time; every request that is not for a file:// URL is refused
// and counted, so a page that tries to reach the network fails the test.
async function openPage(chromium, file, label) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'landskap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: kChromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 1000 },
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    problems.push('network request: ' + url);
    return route.abort();
  });
  page.on('pageerror', (e) => problems.push('script error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('dialog', (d) => { problems.push('dialog opened: ' + d.message()); d.dismiss(); });
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    check(problems.length === 0, `${label}: the page loads nothing and runs without errors`,
      problems.join('\n  '));
  };
  return { page, close, problems };
}

async function pageData(page) {
  return page.evaluate(() => JSON.parse(document.getElementById('data').textContent));
}

async function highlighted(page) {
  return page.evaluate(() => {
    const data = JSON.parse(document.getElementById('data').textContent);
    const ids = (selector, list) => [...document.querySelectorAll(selector)]
      .map((g) => list[+g.id.slice(1)].id);
    return {
      systems: ids('#diagram g.sys.sel, #diagram g.sys.down, #diagram g.sys.up', data.systems),
      integrations: ids('#diagram g.int.down, #diagram g.int.up', data.integrations),
      selected: document.body.getAttribute('data-selected'),
      heading: document.querySelector('#details h2')?.textContent,
    };
  });
}

// Switches to the diagram of every system when the page shows the overview.
async function showAll(page) {
  if (await page.locator('#views').isVisible()) await page.click('#show-all');
}

// Clicks system `index` in the diagram, as a person would, from the whole-map view.
async function clickSystem(page, index) {
  await showAll(page);
  await page.click('#zoom-fit');
  await page.locator(`#s${index}`).click({ force: true, timeout: 5000 });
}

async function checkClicks(page, file, label, indices) {
  const data = await pageData(page);
  for (const index of indices) {
    const system = data.systems[index];
    await clickSystem(page, index);
    const got = await highlighted(page);
    const want = engineBlastRadius(file, system.id);
    check(got.selected === system.id, `${label}: a click on ${system.id} selects it`,
      `selected: ${got.selected}`);
    check(sameSet(got.systems, want.systems),
      `${label}: the highlight of ${system.id} equals landskap impact --system ${system.id} --direction both`,
      describeDifference(got.systems, want.systems));
    check(sameSet(got.integrations, want.integrations),
      `${label}: the highlighted integrations of ${system.id} equal the engine's`,
      describeDifference(got.integrations, want.integrations));
    check(got.heading === (system.name || system.id), `${label}: the details show ${system.id}`,
      `heading: ${got.heading}`);
  }
}

async function checkSearch(page, label, system) {
  await page.keyboard.press('Escape');
  await page.fill('#search', system.name || system.id);
  await page.press('#search', 'Enter');
  const selected = await page.evaluate(() => document.body.getAttribute('data-selected'));
  check(selected === system.id, `${label}: searching "${system.name || system.id}" selects ${system.id}`,
    `selected: ${selected}`);
  await page.fill('#search', '');
}

// The search finds systems by product and vendor, folds æøå and accents and takes the words
// in any order; the answers come from the page's data, checked against the file by hand.
async function checkForgivingSearch(page, label, file, options) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const results = async (query) => {
    await page.fill('#search', query);
    await page.waitForTimeout(30);
    return page.$$eval('#search-results li .id', (l) => l.map((x) => x.textContent));
  };
  const withProduct = data.systems.find((s) => s.product);
  check(!!withProduct, `${label}: the fixture has a system with a product to search for`);
  if (withProduct) {
    const got = await results(withProduct.product);
    check(got.includes(withProduct.id), `${label}: searching the product "${withProduct.product}" finds ${withProduct.id}`,
      got.join(', '));
  }
  const withVendor = data.systems.find((s) => s.vendor);
  check(!!withVendor, `${label}: the fixture has a system with a vendor to search for`);
  if (withVendor) {
    const got = await results(withVendor.vendor.toUpperCase());
    check(got.length > 0 && got.every((id) => {
      const s = data.systems.find((x) => x.id === id);
      return JSON.stringify([s.id, s.name, s.product, s.vendor, s.owner, s.domain]).toUpperCase()
        .includes(withVendor.vendor.toUpperCase());
    }), `${label}: searching the vendor "${withVendor.vendor.toUpperCase()}" finds its systems`, got.join(', '));
  }
  const sakArkiv = data.systems.some((s) => s.id === 'fjell.sak-arkiv');
  check(sakArkiv === options.sakArkiv,
    `${label}: the fixture ${options.sakArkiv ? 'has' : 'has no'} fjell.sak-arkiv, as its options say`);
  if (sakArkiv) {
    const got = await results('arkiv sak FJELL');
    check(got.includes('fjell.sak-arkiv'), `${label}: "arkiv sak FJELL" finds fjell.sak-arkiv`, got.join(', '));
    const folded = await results('oygarden sak');
    check(folded.some((id) => id.startsWith('oygarden.')),
      `${label}: "oygarden sak" finds Øygarden's systems (ø folded to o)`, folded.join(', '));
  }
  await page.fill('#search', '');
  await page.keyboard.press('Escape');
}

// Municipalities are named as SSB names them (by hand: 1246 is Fjell): the search finds owner
// 1246's systems by "Fjell" (in the workshop fixture a.eiendomsskatt says Fjell nowhere but in
// its owner's name), and the details say "1246 Fjell".
async function checkMunicipalityNames(page, label, file, options) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fjell = data.systems.filter((s) => s.owner === '1246').map((s) => s.id);
  check(fjell.length > 0, `${label}: the fixture has systems of owner 1246 (Fjell) to search for`);
  if (fjell.length === 0) return;
  await page.fill('#search', 'Fjell');
  await page.waitForTimeout(30);
  const got = await page.$$eval('#search-results li .id', (l) => l.map((x) => x.textContent));
  if (fjell.length <= 12) {
    check(sameSet(got, fjell), `${label}: searching "Fjell" finds exactly owner 1246's systems`,
      describeDifference(got, fjell));
  } else {
    check(got.length === 12 && got.every((id) => fjell.includes(id) || id.includes('fjell')),
      `${label}: searching "Fjell" finds owner 1246's systems`, got.join(', '));
  }
  const only = data.systems.find((s) => s.owner === '1246' &&
    !JSON.stringify([s.id, s.name, s.product, s.vendor, s.domain]).toLowerCase().includes('fjell'));
  check(!!only === options.ownerNameOnly,
    `${label}: the fixture ${options.ownerNameOnly ? 'has' : 'has no'} a system of 1246 that says Fjell only in its owner`,
    only ? only.id : 'none');
  if (only) {
    await page.fill('#search', `${only.name || only.id} fjell`);
    await page.waitForTimeout(30);
    const found = await page.$$eval('#search-results li .id', (l) => l.map((x) => x.textContent));
    check(found[0] === only.id, `${label}: "${only.name || only.id} fjell" finds ${only.id} by its owner's name`,
      found.join(', '));
  }
  await page.fill('#search', fjell[0]);
  await page.press('#search', 'Enter');
  await page.waitForTimeout(30);
  const owner = await page.evaluate(() => {
    const dt = [...document.querySelectorAll('#details dt')].find((d) => d.textContent === 'owner');
    return dt ? dt.nextElementSibling.textContent : null;
  });
  check(owner === '1246 Fjell', `${label}: the details of ${fjell[0]} name its owner "1246 Fjell"`, owner);
  await page.fill('#search', '');
  await page.keyboard.press('Escape');
}

// The details list the reached systems grouped by distance, in collapsible groups whose
// counts add up to the engine's answer.
async function checkDistanceGroups(page, file, label, system) {
  await clickSystem(page, systemIndexOf(await pageData(page), system));
  const groups = await page.$$eval('#details .reach.down details.distance summary',
    (l) => l.map((x) => x.textContent));
  const want = JSON.parse(landskap('impact', file, '--system', system, '--format', 'json'));
  const byDistance = {};
  for (const a of want.affected) if (a.distance > 0) byDistance[a.distance] = (byDistance[a.distance] || 0) + 1;
  const wantText = Object.keys(byDistance).map(Number).sort((a, b) => a - b)
    .map((d) => (d === 1 ? '1 step away' : d + ' steps away') + ' (' + byDistance[d] + ')');
  check(JSON.stringify(groups) === JSON.stringify(wantText),
    `${label}: ${system}'s downstream list is grouped by distance as landskap impact says`,
    `page ${JSON.stringify(groups)} engine ${JSON.stringify(wantText)}`);
}

function systemIndexOf(data, id) {
  return data.systems.findIndex((s) => s.id === id);
}

async function checkGantt(page, label) {
  const gantt = await page.evaluate(() => {
    const g = document.querySelector('#plan #gantt');
    const svg = g && g.querySelector('svg');
    return { shown: !!g && !g.hidden, paths: svg ? svg.querySelectorAll('path').length : 0,
      width: svg ? svg.getBoundingClientRect().width : 0 };
  });
  check(gantt.shown && gantt.paths > 0 && gantt.width > 200,
    `${label}: the plan section shows the Gantt chart`, JSON.stringify(gantt));
}

async function checkPanZoom(page, label) {
  await showAll(page);
  const viewBox = () => page.evaluate(() => document.querySelector('#diagram svg').getAttribute('viewBox'));
  await page.click('#zoom-fit');
  const home = await viewBox();
  const box = await page.locator('#diagram').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(50);
  const zoomed = await viewBox();
  const width = (vb) => +vb.split(' ')[2];
  check(width(zoomed) < width(home), `${label}: scrolling zooms in`, `${home} -> ${zoomed}`);
  await page.mouse.move(box.x + 200, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 320, box.y + 260, { steps: 5 });
  await page.mouse.up();
  const panned = await viewBox();
  check(panned.split(' ')[0] !== zoomed.split(' ')[0] && width(panned) === width(zoomed),
    `${label}: dragging moves the view`, `${zoomed} -> ${panned}`);
  await page.click('#zoom-fit');
  check(await viewBox() === home, `${label}: Fit shows everything again`);
}

// The owners of the file's systems, read from the file ("" for a system without one), and
// the systems of each: what the overview's groups must be.
function ownersOf(file) {
  const owners = new Map();
  for (const s of JSON.parse(fs.readFileSync(file, 'utf8')).systems) {
    const owner = s.owner ?? '';
    if (!owners.has(owner)) owners.set(owner, []);
    owners.get(owner).push(s.id);
  }
  return owners;
}

// The page opens on the overview (one box per owner) when the landscape has more than 40
// systems (viz/report.h), a click on a box opens the diagram zoomed to that owner's systems,
// and the Overview button brings the boxes back. Screenshots at 1920×1080 of both.
async function checkOverview(page, file, label) {
  const owners = ownersOf(file);
  const systemCount = [...owners.values()].reduce((n, l) => n + l.length, 0);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const opening = await page.evaluate(() => ({
    view: document.body.getAttribute('data-view'),
    overviewShown: !document.getElementById('overview').hidden,
    diagramShown: !document.getElementById('diagram').hidden,
    boxes: [...document.querySelectorAll('#overview svg g.grp-box')].map((g) => g.id),
    groups: JSON.parse(document.getElementById('data').textContent).overview.groups,
  }));
  const wantOverview = systemCount > 40 && owners.size >= 2;
  check(opening.view === (wantOverview ? 'overview' : 'all') &&
    opening.overviewShown === wantOverview && opening.diagramShown === !wantOverview,
    `${label}: the page opens on the ${wantOverview ? 'overview' : 'diagram of every system'}`,
    JSON.stringify({ view: opening.view, overview: opening.overviewShown, diagram: opening.diagramShown }));
  check(opening.boxes.length === owners.size && sameSet(opening.groups.map((g) => g.key), [...owners.keys()]),
    `${label}: the overview has one box per owner (${owners.size})`,
    `${opening.boxes.length} boxes, groups ${JSON.stringify(opening.groups.map((g) => g.key))}`);
  // The owners' boxes name the municipalities (1246 is Fjell, by hand) and the merger's new number.
  const fjell = opening.groups.findIndex((g) => g.key === '1246');
  check((fjell >= 0) === owners.has('1246'), `${label}: the overview has a box for owner 1246`,
    JSON.stringify(opening.groups.map((g) => g.key)));
  if (fjell >= 0) {
    const box = await page.$eval(`#overview #g${fjell}`, (g) => g.textContent);
    check(opening.groups[fjell].label.startsWith('1246 Fjell') && box.includes('1246 Fjell'),
      `${label}: the overview's box of owner 1246 says "1246 Fjell"`,
      `${opening.groups[fjell].label} | ${box.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
  if (wantOverview) {
    // The whole overview is on the screen: its picture fills the panel, not a strip of it.
    const fit = await page.evaluate(() => {
      const panel = document.getElementById('diagram-panel').getBoundingClientRect();
      const boxes = [...document.querySelectorAll('#overview g.grp-box')].map((g) => g.getBoundingClientRect());
      return { inside: boxes.every((r) => r.left >= panel.left - 1 && r.right <= panel.right + 1 &&
        r.top >= panel.top - 1 && r.bottom <= panel.bottom + 1), panel: [panel.width, panel.height] };
    });
    check(fit.inside, `${label}: every box of the overview is on the screen at 1920×1080`, JSON.stringify(fit));
    await page.screenshot({ path: path.join(args.work, label + '-overview-1920x1080.png') });
  }
  // The page has an overview, and its Overview / All systems buttons, when the systems have
  // two owners or more (viz/report.cc); every fixture here has. Without the buttons the group
  // clicks below cannot run: a failed check, not a quiet return.
  const wantViews = owners.size >= 2;
  const views = await page.locator('#views').isVisible();
  check(views === wantViews, `${label}: the Overview / All systems buttons are ${wantViews ? 'shown' : 'hidden'}`,
    `${owners.size} owners, buttons ${views ? 'shown' : 'hidden'}`);
  if (!views) return;
  if (!wantOverview) await page.click('#show-overview');
  // The biggest group: a click on its box opens its systems.
  const n = opening.groups.map((g, i) => [g.systems.length, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1])[0][1];
  const group = opening.groups[n];
  await page.locator(`#g${n}`).click();
  const opened = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('data').textContent);
    const panel = document.getElementById('diagram').getBoundingClientRect();
    const marked = [...document.querySelectorAll('#diagram g.sys.grp')];
    return {
      view: document.body.getAttribute('data-view'),
      group: document.body.getAttribute('data-group'),
      systems: marked.map((g) => data.systems[+g.id.slice(1)].id),
      onScreen: marked.every((g) => {
        const r = g.getBoundingClientRect();
        return r.left >= panel.left - 1 && r.right <= panel.right + 1 && r.top >= panel.top - 1 &&
          r.bottom <= panel.bottom + 1;
      }),
      heading: document.querySelector('#details h2')?.textContent,
      listed: [...document.querySelectorAll('#details ol.group-systems button')].map((b) => b.title),
    };
  });
  const want = owners.get(group.key);
  check(opened.view === 'all' && opened.group === group.key,
    `${label}: a click on the box of ${group.key} opens its systems`, JSON.stringify(opened).slice(0, 300));
  check(sameSet(opened.systems, want), `${label}: the opened group marks exactly ${group.key}'s systems`,
    describeDifference(opened.systems, want));
  check(sameSet(opened.listed, want), `${label}: the details list ${group.key}'s systems`,
    describeDifference(opened.listed, want));
  check(opened.onScreen, `${label}: the view zooms to ${group.key}'s systems`);
  check(opened.heading === group.label, `${label}: the details are headed by the group`, opened.heading);
  if (wantOverview) await page.screenshot({ path: path.join(args.work, label + '-group-1920x1080.png') });
  await page.click('#show-overview');
  const back = await page.evaluate(() => document.body.getAttribute('data-view'));
  check(back === 'overview', `${label}: the Overview button shows the boxes again`, back);
  await page.setViewportSize({ width: 1600, height: 1000 });
}

async function checkKeyImpact(page, file, label, key) {
  await page.keyboard.press('Escape');
  await page.check('#impact-toggle');
  const got = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('data').textContent);
    return {
      systems: [...document.querySelectorAll('#diagram g.sys[class*="imp-"]')]
        .map((g) => data.systems[+g.id.slice(1)].id),
      integrations: [...document.querySelectorAll('#diagram g.int.imp-edge')]
        .map((g) => data.integrations[+g.id.slice(1)].id),
      rows: document.querySelectorAll('#impact tbody tr').length,
    };
  });
  const want = engineKeyImpact(file, key);
  check(sameSet(got.systems, want.systems),
    `${label}: the ${key} view marks the systems of landskap impact --key ${key}`,
    describeDifference(got.systems, want.systems));
  check(sameSet(got.integrations, want.integrations),
    `${label}: the ${key} view marks the integrations of landskap impact --key ${key}`,
    describeDifference(got.integrations, want.integrations));
  check(got.rows === Math.min(want.systems.length, 500), `${label}: the impact table lists them`,
    `${got.rows} rows for ${want.systems.length} systems`);
  await page.uncheck('#impact-toggle');
  const left = await page.$$eval('#diagram [class*="imp-"]', (l) => l.length);
  check(left === 0, `${label}: unticking the ${key} view clears it`, `${left} still marked`);
}

// The plan section shows the engine's plan (`landskap plan --key K`), and the critical-path
// toggle marks the systems on its critical paths.
async function checkPlan(page, file, label, key) {
  const want = JSON.parse(landskap('plan', file, '--key', key, '--format', 'json'));
  await page.keyboard.press('Escape');
  const got = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('data').textContent);
    return {
      rows: [...document.querySelectorAll('#plan tbody tr')].map((tr) =>
        [tr.cells[0].textContent, tr.cells[1].querySelector('button').title]),
      whose: [...document.querySelectorAll('#plan tbody tr td.whose')].map((td) => td.textContent),
      summary: document.querySelector('#plan p.summary').textContent,
      toggle: !document.getElementById('critical-toggle-label').hidden,
      names: data.systems.map((s) => s.id),
    };
  });
  const wantRows = want.tasks.slice(0, 500).map((t) => [String(t.wave), t.id]);
  check(JSON.stringify(got.rows) === JSON.stringify(wantRows),
    `${label}: the plan table lists the tasks and waves of landskap plan --key ${key}`,
    `page: ${JSON.stringify(got.rows.slice(0, 5))}... engine: ${JSON.stringify(wantRows.slice(0, 5))}...`);
  // The same finish as `landskap plan`, with and without the capacity limits, and the same
  // split of our work and external dependencies.
  const wantWhose = want.tasks.slice(0, 500).map((t) => (t.external ? 'external' : 'ours'));
  check(JSON.stringify(got.whose) === JSON.stringify(wantWhose),
    `${label}: the plan table says whose each task is, as landskap plan does`);
  const external = want.tasks.filter((t) => t.external).length;
  const finishes = [`${want.duration_days} `, `${want.tasks.length - external} systems; ${external} external`];
  if (want.finish_date) finishes.push(`to ${want.finish_date}`);
  if (want.resources.length && want.unconstrained_finish_date) finishes.push(`to ${want.unconstrained_finish_date}`);
  check(finishes.every((f) => got.summary.includes(f)),
    `${label}: the plan summary states landskap plan's finish and split`,
    `summary: ${got.summary}; wanted: ${finishes.join(' | ')}`);
  const critical = [...new Set(want.critical_paths.flat())];
  check(critical.length > 0, `${label}: landskap plan --key ${key} has a critical path to show`);
  if (critical.length === 0) return;
  check(got.toggle, `${label}: the critical path can be shown`);
  await page.check('#critical-toggle');
  const marked = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('data').textContent);
    return [...document.querySelectorAll('#diagram g.sys.crit')].map((g) => data.systems[+g.id.slice(1)].id);
  });
  check(sameSet(marked, critical), `${label}: the critical path on the diagram is the engine's`,
    describeDifference(marked, critical));
  await page.uncheck('#critical-toggle');
}

async function checkHostile(chromium, source) {
  const fixture = path.join(source, 'tests/browser/fixtures/hostile.json');
  const file = makeReport(fixture, 'hostile');
  const label = 'hostile names';
  const { page, close } = await openPage(chromium, file, label);
  const data = await pageData(page);
  // Show every name in every place the page puts names: details, lists, search, impact table.
  for (let i = 0; i < data.systems.length; i++) await clickSystem(page, i);
  await page.fill('#search', '<');
  await page.waitForTimeout(50);
  const resultTexts = await page.$$eval('#search-results li .name', (l) => l.map((x) => x.textContent));
  await page.keyboard.press('Escape');
  // Open every group of the overview, so that every owner's name is in the details once.
  const groupCount = data.overview.groups.length;
  for (let n = 0; n < groupCount; n++) {
    await page.click('#show-overview');
    await page.locator(`#g${n}`).click();
  }
  const groupHeadings = await page.$$eval('#details h2', (l) => l.map((x) => x.textContent));
  check(groupHeadings.length === 1 && groupHeadings[0] === data.overview.groups[groupCount - 1].label,
    `${label}: a group's name is shown as text`, groupHeadings.join(' | '));
  const overviewText = await page.$eval('#overview svg', (s) => s.textContent);
  check(overviewText.includes('<svg onload='), `${label}: the overview shows the owner's name as text`);
  await clickSystem(page, data.systems.length - 1);
  await page.check('#impact-toggle');
  const state = await page.evaluate(() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    images: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    styles: document.querySelectorAll('style').length,
    bold: document.querySelectorAll('b').length,
    svgs: document.querySelectorAll('svg').length,
    pageSvgs: document.querySelectorAll('#diagram > svg, #overview > svg, #gantt > svg').length,
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + '@' + a.name)),
    title: document.title,
    heading: document.querySelector('#details h2')?.textContent,
    bodyVisible: getComputedStyle(document.body).display !== 'none',
  }));
  check(state.pwned === null, `${label}: no injected script ran`, `window.__pwned = ${state.pwned}`);
  check(state.images === 0 && state.bold === 0 && state.handlers.length === 0,
    `${label}: no name became an element or an event handler`,
    `img ${state.images}, b ${state.bold}, handlers ${state.handlers.join(' ')}`);
  check(state.scripts === 2 && state.styles === 1 && state.svgs === state.pageSvgs &&
    state.svgs >= 1 && state.svgs <= 3,
    `${label}: only the page's own script, style and svg elements (diagram, overview, Gantt chart) exist`,
    `script ${state.scripts}, style ${state.styles}, svg ${state.svgs}`);
  check(state.title === data.name, `${label}: the title shows the name as text`, state.title);
  const last = data.systems[data.systems.length - 1];
  check(state.heading === last.name, `${label}: the details show the name as text`, state.heading);
  check(resultTexts.includes('<img src=x onerror=alert(1)>'),
    `${label}: search results show the name as text`, resultTexts.join(' | '));
  check(state.bodyVisible, `${label}: a name holding a style element changed no style`);
  // The diagram's text (Graphviz's own escaping) shows the names, not markup.
  const svgText = await page.$eval('#diagram svg', (s) => s.textContent);
  // (Long labels wrap, so the name may be split across two text lines.)
  check(svgText.includes('<img src=x') && svgText.includes('onerror=alert(1)>'),
    `${label}: the diagram shows the name as text`);
  await page.screenshot({ path: path.join(args.work, 'hostile.png') });
  await close();
}

// The page in bokmål (the default): the buttons, the search box, the distance groups and the
// footer read Norwegian, from the catalogue po/nb.po; the English page (the other checks use
// --lang en) reads English.
async function checkBokmal(chromium, file) {
  const label = 'bokmål page';
  const out = makeReport(file, 'bokmal', ['--key', 'kommunenummer']);
  const { page, close } = await openPage(chromium, out, label);
  const data = await pageData(page);
  const texts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    overview: document.getElementById('show-overview').textContent,
    all: document.getElementById('show-all').textContent,
    search: document.querySelector('label[for="search"]').textContent,
    placeholder: document.getElementById('search').placeholder,
    footer: document.getElementById('footer').textContent,
  }));
  check(texts.lang === 'nb' && texts.overview === 'Oversikt' && texts.all === 'Alle systemer' &&
    texts.search === 'Finn et system' && texts.placeholder.startsWith('id, navn, produkt') &&
    texts.footer.includes(data.systems.length + ' systemer'),
  `${label}: the page's own words are bokmål`, JSON.stringify(texts));
  await clickSystem(page, busiest(data, 1)[0]);
  const groups = await page.$$eval('#details .reach.down details.distance summary', (l) => l.map((x) => x.textContent));
  check(groups.length > 0 && groups[0].startsWith('1 steg unna ('), `${label}: distance groups read "1 steg unna"`,
    JSON.stringify(groups));
  const headings = await page.$$eval('#details h3', (l) => l.map((x) => x.textContent));
  check(headings.some((h) => h.startsWith('Rammer nedstrøms')), `${label}: the panel's headings are bokmål`,
    JSON.stringify(headings));
  // The impact and plan sections' sentences and headings, with the municipality named
  // (the fixture's change: 1246, Fjell by SSB's list).
  const sections = await page.evaluate(() => ({
    impact: document.querySelector('#impact p.summary')?.textContent,
    plan: document.querySelector('#plan p.summary')?.textContent,
    planHeadings: [...document.querySelectorAll('#plan h3')].map((h) => h.textContent),
  }));
  check(/^\d+ systemer og \d+ integrasjoner berørt/.test(sections.impact || '') &&
    sections.impact.includes('Omfang: 1246 Fjell får nummeret 4626 fra 1. jan. 2020; felles systemer er også med.'),
  `${label}: the impact summary is bokmål and names the municipality`, sections.impact);
  check((sections.plan || '').startsWith('Plan for ') && sections.plan.includes(' Vårt arbeid: ') &&
    // (the phrase naming the tasks, before the first colon, is the engine's and stays English)
    !/\b(waves?|Our work|systems)\b/.test(sections.plan.slice(sections.plan.indexOf(': '))),
  `${label}: the plan summary is bokmål`, sections.plan);
  check(sections.planHeadings.some((h) => h.startsWith('Kritisk linje') || h.startsWith('Kritiske linjer')),
    `${label}: the critical path heading is bokmål`, JSON.stringify(sections.planHeadings));
  await close();
}

async function checkPage(chromium, file, label, options) {
  const out = makeReport(file, label, ['--lang', 'en']);
  const { page, close } = await openPage(chromium, out, label);
  const data = await pageData(page);
  check(data.systems.length > 0, `${label}: the page carries the landscape`);
  await checkOverview(page, file, label);
  await checkClicks(page, file, label, options.clicks(data));
  await checkSearch(page, label, data.systems[options.searchFor(data)]);
  await checkPanZoom(page, label);
  if (options.key) await checkKeyImpact(page, file, label, options.key);
  if (options.key) await checkPlan(page, file, label, options.key);
  if (options.key) await checkGantt(page, label);
  await checkForgivingSearch(page, label, file, options);
  await checkMunicipalityNames(page, label, file, options);
  const data2 = await pageData(page);
  await checkDistanceGroups(page, file, label, data2.systems[options.searchFor(data2)].id);
  if (options.screenshot) {
    await page.keyboard.press('Escape');
    await page.click('#zoom-fit');
    await page.screenshot({ path: path.join(args.work, label + '.png') });
    await page.check('#impact-toggle');
    await page.screenshot({ path: path.join(args.work, label + '-impact.png') });
    await page.uncheck('#impact-toggle');
    await clickSystem(page, options.searchFor(data));
    await page.screenshot({ path: path.join(args.work, label + '-selected.png') });
    await page.screenshot({ path: path.join(args.work, label + '-full.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.click('#zoom-fit');
    await page.screenshot({ path: path.join(args.work, label + '-1920x1080.png') });
  }
  await close();
}

// The systems with most integrations first (ties by id): the clicks that test the most.
function busiest(data, count) {
  const degree = data.systems.map(() => 0);
  for (const e of data.integrations) {
    degree[e.from]++;
    degree[e.to]++;
  }
  return data.systems.map((s, i) => i)
    .sort((a, b) => degree[b] - degree[a] || (data.systems[a].id < data.systems[b].id ? -1 : 1))
    .slice(0, count);
}

async function main() {
  fs.mkdirSync(args.work, { recursive: true });
  const { chromium } = await loadPlaywright();
  const workshop = path.join(args.source, 'tests/browser/fixtures/workshop.json');
  await checkPage(chromium, workshop, 'workshop', {
    clicks: (data) => data.systems.map((s, i) => i), // every system
    searchFor: (data) => data.systems.findIndex((s) => s.id === 'a.gis'),
    key: 'kommunenummer',
    screenshot: true,
    sakArkiv: false,
    ownerNameOnly: true, // a.eiendomsskatt
  });
  await checkHostile(chromium, args.source);
  await checkBokmal(chromium, workshop);
  if (args.dataset) {
    // --dataset names the merger's file (tests/scripted/report_browser.cmake): it must be there.
    check(fs.existsSync(args.dataset), `the dataset ${args.dataset} exists`);
  }
  if (args.dataset && fs.existsSync(args.dataset)) {
    await checkPage(chromium, args.dataset, path.basename(args.dataset, '.json'), {
      clicks: (data) => busiest(data, 6),
      searchFor: (data) => busiest(data, 1)[0],
      key: 'kommunenummer',
      screenshot: true,
      sakArkiv: true,
      ownerNameOnly: false,
    });
  }
  console.log(`Screenshots and pages: ${args.work}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.log('FAIL: ' + (e && e.stack ? e.stack : e));
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});

// The workshop page in a real browser: Debian's chromium, headless, driven by playwright-core
// (no browser download). Opens pages made by `landskap report` from file:// URLs with every
// network request refused, clicks systems and compares the highlight with
// `landskap impact --system ID --direction both`, checks search, pan and zoom and the key
// impact view, and checks that a page of hostile names runs no script. Takes screenshots.
//
//   node report_test.mjs --landskap BIN --source DIR --work DIR [--dataset FILE]
//
// Exit codes: 0 passed, 1 failed (also when node is older than playwright-core needs),
// 77 skipped (no chromium).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// LANDSKAP_CHROMIUM names another chromium binary (to try the skip: a path that does not exist).
const kChromium = process.env.LANDSKAP_CHROMIUM || '/usr/bin/chromium';
const kSkip = 77;
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

if (!fs.existsSync(kChromium)) {
  console.log(`SKIP: ${kChromium} is not installed (Debian: apt-get install chromium); ` +
    'the browser test of the workshop page did not run.');
  process.exit(kSkip);
}

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

// Clicks system `index` in the diagram, as a person would, from the whole-map view.
async function clickSystem(page, index) {
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

async function checkPanZoom(page, label) {
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
  await page.check('#impact-toggle');
  const state = await page.evaluate(() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    images: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    styles: document.querySelectorAll('style').length,
    bold: document.querySelectorAll('b').length,
    svgs: document.querySelectorAll('svg').length,
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
  check(state.scripts === 2 && state.styles === 1 && state.svgs === 1,
    `${label}: only the page's own script, style and svg elements exist`,
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

async function checkPage(chromium, file, label, options) {
  const out = makeReport(file, label);
  const { page, close } = await openPage(chromium, out, label);
  const data = await pageData(page);
  check(data.systems.length > 0, `${label}: the page carries the landscape`);
  await checkClicks(page, file, label, options.clicks(data));
  await checkSearch(page, label, data.systems[options.searchFor(data)]);
  await checkPanZoom(page, label);
  if (options.key) await checkKeyImpact(page, file, label, options.key);
  if (options.key) await checkPlan(page, file, label, options.key);
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
  });
  await checkHostile(chromium, args.source);
  if (args.dataset && fs.existsSync(args.dataset)) {
    await checkPage(chromium, args.dataset, path.basename(args.dataset, '.json'), {
      clicks: (data) => busiest(data, 6),
      searchFor: (data) => busiest(data, 1)[0],
      key: 'kommunenummer',
      screenshot: true,
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

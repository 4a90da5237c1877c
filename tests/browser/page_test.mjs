// Browser test of the web page `credence serve` shows at GET / (web/index.html, app.css, app.js).
//
//   node page_test.mjs --credence PATH_TO_CREDENCE --out DIR [--web-dir DIR]
//
// Starts `credence serve --port 0` (with --web-dir when given), drives the page in headless
// Debian Chromium (/usr/bin/chromium) through playwright-core and checks it against reports
// fetched straight from POST /v1/analyze: verdict, every cue span highlighted over exactly the
// report's text (so the UTF-8 byte -> UTF-16 offset conversion is right, also for non-ASCII and
// HTML input), tooltips on keyboard focus, attributions, leftovers, site ratings, the error
// paths, keyboard-only use and a 375 px phone width without horizontal scrolling. Any console
// error, failed request or request leaving localhost fails the test. Writes page-desktop.png and
// page-phone.png into --out. Exit 0 on success, 1 on failure, 2 on bad usage; never runs longer
// than about 60 s, and always stops the server it started.

import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const OVERALL_LIMIT_MS = 60_000;
const CHROMIUM = '/usr/bin/chromium';

// ---- command line --------------------------------------------------------------------------

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!['--credence', '--out', '--web-dir'].includes(key) || i + 1 >= argv.length) {
      usage(`unexpected argument ${key}`);
    }
    args[key.slice(2)] = argv[++i];
  }
  if (!args.credence || !args.out) usage('--credence and --out are required');
  return args;
}

function usage(problem) {
  console.error(`page_test: ${problem}\nusage: node page_test.mjs --credence PATH --out DIR [--web-dir DIR]`);
  process.exit(2);
}

// ---- bookkeeping: steps, failures, cleanup -------------------------------------------------

let server = null;
let browser = null;
let finished = false;

class TestFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new TestFailure(message);
}

function step(name) {
  console.log(`page_test: ${name}`);
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function cleanup() {
  if (browser) {
    const b = browser;
    browser = null;
    await Promise.race([b.close().catch(() => {}), new Promise((done) => setTimeout(done, 5000))]);
  }
  await stopServer();
}

async function finish(code, message) {
  if (finished) return;
  finished = true;
  if (message) console.error(message);
  await cleanup();
  process.exit(code);
}

// ---- the server ----------------------------------------------------------------------------

/** Starts credence serve on a free port; resolves with its base URL from the stderr line. */
function startServer(credence, webDir) {
  const args = ['serve', '--port', '0'];
  if (webDir) args.push('--web-dir', webDir);
  server = spawn(credence, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((done, fail) => {
    let stderr = '';
    const timer = setTimeout(() => fail(new TestFailure(`credence serve printed no address in 10 s: ${stderr}`)), 10_000);
    server.on('error', (e) => { clearTimeout(timer); fail(new TestFailure(`cannot start ${credence}: ${e.message}`)); });
    server.on('exit', (code) => {
      clearTimeout(timer);
      fail(new TestFailure(`credence serve exited (${code}) before serving: ${stderr}`));
    });
    server.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /serving on (http:\/\/[^\s/]+\/)/.exec(stderr);
      if (m) { clearTimeout(timer); done(m[1]); }
    });
  });
}

async function analyzeDirectly(base, body) {
  const response = await fetch(new URL('v1/analyze', base), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  check(response.ok, `POST /v1/analyze answered ${response.status}`);
  return response.json();
}

// ---- watching the page for errors and outside requests -------------------------------------

function watchPage(page, base, problems, allowed) {
  const host = new URL(base).hostname;
  const isLocal = (url) => {
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
    const h = new URL(url).hostname;
    return h === host || h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (allowed.consoleError && allowed.consoleError.test(msg.text())) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught page error: ${e.message}`));
  page.on('request', (r) => { if (!isLocal(r.url())) problems.push(`request to a non-local address: ${r.url()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() < 400) return;
    if (allowed.status && allowed.status.includes(r.status())) return;
    problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
}

function noProblems(problems, where) {
  check(problems.length === 0, `${where}:\n  ${problems.join('\n  ')}`);
}

// ---- checks of a rendered report -----------------------------------------------------------

/** Every cue evidence span of the report, keyed as the page keys them (data-spans). */
function reportSpans(report) {
  const spans = new Map();
  for (const cue of report.cues) {
    for (const s of cue.evidence) spans.set(`${cue.id}:${s.start}-${s.end}`, s.text);
  }
  return spans;
}

/** What the page highlighted: per span key, the text of its marks joined in document order. */
async function renderedSpans(page) {
  return page.$$eval('#article-text mark.hl', (marks) => {
    const byKey = {};
    for (const m of marks) {
      for (const key of (m.dataset.spans || '').split(' ').filter(Boolean)) {
        byKey[key] = (byKey[key] || '') + m.textContent;
      }
    }
    return { count: marks.length, byKey };
  });
}

async function waitForReport(page) {
  await page.waitForSelector('#results:not([hidden])', { timeout: 10_000 });
  await page.waitForFunction(() => !document.querySelector('#analyze-button').disabled, null, { timeout: 10_000 });
}

/** Checks verdict, highlights (count and exact text), legend counts, attributions, leftovers. */
async function checkReport(page, report, what) {
  const verdictText = await page.textContent('#verdict');
  const label = await page.textContent('.verdict-label');
  const probability = Number(await page.textContent('.verdict-probability'));
  check(['reliable', 'uncertain', 'unreliable'].includes(label.trim().toLowerCase()),
    `${what}: verdict label "${label}" is not reliable/uncertain/unreliable (verdict: ${verdictText})`);
  check(label.trim().toLowerCase() === report.verdict.label, `${what}: verdict label ${label} != report ${report.verdict.label}`);
  check(probability >= 0 && probability <= 1, `${what}: probability ${probability} is not within [0, 1]`);
  check(Math.abs(probability - report.verdict.probability_unreliable) < 0.006,
    `${what}: probability ${probability} != report ${report.verdict.probability_unreliable}`);
  check(await page.isVisible('.meter-marker'), `${what}: the verdict meter is not visible`);

  const expected = reportSpans(report);
  const rendered = await renderedSpans(page);
  check(expected.size > 0, `${what}: the report has no cue spans to check`);
  check(rendered.count >= 1, `${what}: no highlighted cue spans on the page`);
  for (const [key, text] of expected) {
    check(key in rendered.byKey, `${what}: cue span ${key} ("${text}") is not highlighted`);
    check(rendered.byKey[key] === text,
      `${what}: highlight of ${key} reads "${rendered.byKey[key]}", the report's span text is "${text}"`);
  }
  for (const key of Object.keys(rendered.byKey)) check(expected.has(key), `${what}: highlight ${key} is not in the report`);

  for (const cue of report.cues) {
    const count = await page.textContent(`label[for="cue-toggle-${cue.id}"] .legend-count`);
    const want = cue.evidence.length ? String(cue.evidence.length) : 'no spans';
    check(count.trim() === want, `${what}: legend count of ${cue.id} is "${count}", want "${want}"`);
  }

  const rows = await page.$$eval('#attributions tbody tr', (trs) => trs.length);
  check(rows === report.attributions.length && rows > 0,
    `${what}: attributions table has ${rows} rows, the report ${report.attributions.length}`);

  const categories = new Set(report.removed.map((r) => r.category));
  const groups = await page.$$eval('#removed details', (d) => d.length);
  check(groups === categories.size, `${what}: ${groups} leftover groups, the report has ${categories.size} categories`);
  const folded = await page.$$eval('#removed details', (d) => d.every((x) => !x.open));
  check(folded, `${what}: leftovers are not folded away`);
  return { spans: expected.size, marks: rendered.count };
}

async function checkSiteCard(page, report, what) {
  const visible = await page.isVisible('#site-card');
  if (!report.site) {
    check(!visible, `${what}: site card shown but the report has no site`);
    return;
  }
  check(visible, `${what}: site card hidden but the report names ${report.site.domain}`);
  const rows = await page.$$eval('#site tbody tr', (trs) => trs.length);
  check(rows === report.site.ratings.length, `${what}: ${rows} rating rows, the report has ${report.site.ratings.length}`);
  const summary = await page.textContent('#site .site-summary');
  check(summary.includes(report.site.domain), `${what}: site summary "${summary}" lacks ${report.site.domain}`);
}

/** Tabs from the legend into the article; the first highlight must take focus and show its reason. */
async function checkKeyboardTooltip(page, report) {
  const lastToggle = page.locator('#legend-list input:not(:disabled)').last();
  await lastToggle.focus();
  let focused = null;
  for (let i = 0; i < 5 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.matches('mark.hl') ? { cues: a.dataset.cues, describedBy: a.getAttribute('aria-describedby') } : null;
    });
  }
  check(focused, 'Tab from the legend does not reach a highlighted span');
  const tipVisible = await page.isVisible('#cue-tooltip');
  check(tipVisible, 'the reason of a focused highlight is not visible');
  const tip = await page.textContent('#cue-tooltip');
  const cue = report.cues.find((c) => c.id === focused.cues.split(' ')[0]);
  check(tip.includes(cue.description), `tooltip "${tip}" lacks the cue's description "${cue.description}"`);
  const description = await page.textContent(`#${focused.describedBy}`);
  check(description.includes(cue.description), `aria-describedby text "${description}" lacks "${cue.description}"`);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== 'none', 'a focused highlight has no visible focus outline');
  const inViewport = await page.evaluate(() => {
    const r = document.querySelector('#cue-tooltip').getBoundingClientRect();
    return r.left >= 0 && r.right <= document.documentElement.clientWidth;
  });
  check(inViewport, 'the tooltip runs past the edge of the window');
}

async function checkNoHorizontalScroll(page, width, what) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  check(scrollWidth <= width, `${what}: page is ${scrollWidth} px wide at a ${width} px window (horizontal scroll)`);
}

// ---- the test ------------------------------------------------------------------------------

/** The demo article with curly quotes, an accented name and an emoji, to test offsets. */
function nonAsciiVariant(text) {
  return text
    .replace(/"([^"\n]*)"/g, '\u201c$1\u201d')
    .replace('Olsen', 'Ols\u00e9n')
    .replace('A secret study', 'A secret \ud83e\uddea study');
}

async function run(args) {
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  const demoText = readFileSync(join(REPO, 'examples', 'demo-article.txt'), 'utf8');
  const demoHtmlPath = join(REPO, 'examples', 'demo-article.html');
  const demoHtml = readFileSync(demoHtmlPath, 'utf8');
  const demoUrl = 'https://example.com/news/miracle-mineral';
  const started = Date.now();

  step('starting credence serve');
  const base = await startServer(resolve(args.credence), args['web-dir'] && resolve(args['web-dir']));
  check(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/$/.test(base), `server address ${base} is not local`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 15_000,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  const allowed = {};
  watchPage(page, base, problems, allowed);

  step(`opening ${base}`);
  await page.goto(base, { waitUntil: 'load' });
  check((await page.textContent('h1')).includes('Analyze'), 'the page has no "Analyze" heading');
  for (const id of ['article-input', 'file-input', 'format-select', 'url-input', 'title-input']) {
    const labelled = await page.$eval(`#${id}`, (e) => e.labels && e.labels.length > 0);
    check(labelled, `#${id} has no label`);
  }
  noProblems(problems, 'loading the page');

  step('error path: empty input');
  await page.click('#analyze-button');
  await page.waitForSelector('#error:not([hidden])', { timeout: 5000 });
  check((await page.textContent('#error')).length > 10, 'empty input shows no error message');
  check(await page.getAttribute('#error', 'role') === 'alert', 'the error box is not role=alert');

  step('error path: the server refuses a page without visible text');
  allowed.status = [400];
  allowed.consoleError = /status of 400/;
  await page.fill('#article-input', '<div></div>');
  await page.click('#analyze-button');
  await page.waitForFunction(() => /no visible text/.test(document.querySelector('#error').textContent), null, { timeout: 5000 });
  check(await page.isVisible('#error'), 'the server error is not visible');
  delete allowed.status;
  delete allowed.consoleError;
  noProblems(problems, 'error paths');

  step('demo article, typed URL, Ctrl+Enter in the textarea');
  const demoReport = await analyzeDirectly(base, { text: demoText, url: demoUrl });
  await page.fill('#article-input', demoText);
  await page.fill('#url-input', demoUrl);
  await page.focus('#article-input');
  await page.keyboard.press('Control+Enter');
  await waitForReport(page);
  check(!(await page.isVisible('#error')), 'the error box is still shown after a good analysis');
  const demoCounts = await checkReport(page, demoReport, 'demo article');
  await checkSiteCard(page, demoReport, 'demo article');
  const widgets = await page.textContent('#removed');
  check(/12 points/.test(widgets), 'the widget numbers (12 points) are not shown with the leftovers');
  const status = await page.textContent('#status');
  check(status.includes(demoReport.verdict.label), `status "${status}" does not announce the verdict`);
  await checkKeyboardTooltip(page, demoReport);
  step(`  ${demoCounts.spans} cue spans rendered as ${demoCounts.marks} highlight segments`);

  step('legend toggle hides a cue kind');
  const firstWithSpans = demoReport.cues.find((c) => c.evidence.length);
  await page.click(`label[for="cue-toggle-${firstWithSpans.id}"]`);
  const hidden = await page.$$eval('#article-text mark.hl', (ms, id) => ms.filter((m) => m.dataset.cues.split(' ').includes(id)).length, firstWithSpans.id);
  check(hidden === 0, `switching off ${firstWithSpans.id} left ${hidden} of its highlights`);
  await page.click(`label[for="cue-toggle-${firstWithSpans.id}"]`);
  await checkReport(page, demoReport, 'demo article after toggling back');

  step('"Show" on an explanation row outlines its words in the article');
  await page.click('.feature-list button[aria-pressed]');
  const outlined = await page.$$eval('#article-text .feature-hit', (hits) => hits.length);
  check(outlined > 0, '"Show" outlines nothing in the article');
  check(await page.getAttribute('.feature-list button[aria-pressed]', 'aria-pressed') === 'true', '"Show" is not pressed');
  await page.click('.feature-list button[aria-pressed="true"]');
  check(await page.$$eval('#article-text .feature-hit', (hits) => hits.length) === 0, 'a second "Show" does not clear the outline');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(out, 'page-desktop.png'), fullPage: true });

  step('phone width 375 x 800');
  await page.setViewportSize({ width: 375, height: 800 });
  await checkNoHorizontalScroll(page, 375, 'phone width with a report');
  await page.locator('#article-text mark.hl').first().focus();
  await checkNoHorizontalScroll(page, 375, 'phone width with a tooltip open');
  await page.evaluate(() => document.activeElement.blur());
  await page.screenshot({ path: join(out, 'page-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  noProblems(problems, 'demo article');

  step('non-ASCII text (curly quotes, é, emoji), Analyze button');
  const unicodeText = nonAsciiVariant(demoText);
  const unicodeReport = await analyzeDirectly(base, { text: unicodeText });
  await page.fill('#url-input', '');
  await page.fill('#article-input', unicodeText);
  await page.click('#analyze-button');
  await page.waitForFunction((bytes) => document.querySelector('#report-footer').textContent.includes(bytes.toLocaleString()),
    unicodeReport.input.bytes, { timeout: 10_000 });
  await waitForReport(page);
  await checkReport(page, unicodeReport, 'non-ASCII text');
  noProblems(problems, 'non-ASCII text');

  step('known site: theduran.com sample shows the site\'s ratings');
  const duranText = readFileSync(resolve(REPO, '..', 'shared', 'samples', 'theduran-deir-ez-zor.txt'), 'utf8');
  const duranUrl = 'https://theduran.com/some-article';
  const duranReport = await analyzeDirectly(base, { text: duranText, url: duranUrl });
  await page.fill('#article-input', duranText);
  await page.fill('#url-input', duranUrl);
  await page.click('#analyze-button');
  await page.waitForSelector('#site-card:not([hidden])', { timeout: 10_000 });
  await waitForReport(page);
  await checkReport(page, duranReport, 'theduran sample');
  await checkSiteCard(page, duranReport, 'theduran sample');
  noProblems(problems, 'theduran sample');

  step('dropping a file on the textarea loads it');
  await page.fill('#article-input', '');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  }, duranText);
  await page.dispatchEvent('#article-input', 'drop', { dataTransfer });
  await page.waitForFunction((length) => document.querySelector('#article-input').value.length === length,
    duranText.length, { timeout: 5000 });
  check((await page.textContent('#status')).includes('dropped.txt'), 'dropping a file does not say it was loaded');

  step('HTML file picked with the file input, keyboard Tab + Enter on Analyze');
  const htmlReport = await analyzeDirectly(base, { html: demoHtml, url: demoUrl });
  await page.fill('#article-input', '');
  await page.fill('#url-input', demoUrl);
  await page.setInputFiles('#file-input', demoHtmlPath);
  await page.waitForFunction(() => document.querySelector('#article-input').value.length > 0, null, { timeout: 5000 });
  check(await page.inputValue('#format-select') === 'html', 'an .html file is not read as HTML');
  await page.focus('#title-input');
  await page.keyboard.press('Tab');
  const onButton = await page.evaluate(() => document.activeElement && document.activeElement.id);
  check(onButton === 'analyze-button', `Tab from the title field lands on #${onButton}, not the Analyze button`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#article-meta dd >> text=Rick Sample', { timeout: 10_000 });
  await waitForReport(page);
  await checkReport(page, htmlReport, 'HTML page');
  const link = htmlReport.attributions.find((a) => a.link);
  if (link) {
    const href = await page.$$eval('#attributions a', (as) => as.map((a) => a.href));
    check(href.includes(link.link), `the attribution's link ${link.link} is not in the table (${href})`);
  }
  noProblems(problems, 'HTML page');

  console.log(`page_test: OK in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${out}`);
}

const args = parseArgs(process.argv.slice(2));
const limit = setTimeout(() => finish(1, `page_test: FAILED: over the ${OVERALL_LIMIT_MS / 1000} s limit`), OVERALL_LIMIT_MS);
process.on('SIGINT', () => finish(130, 'page_test: interrupted'));
process.on('SIGTERM', () => finish(143, 'page_test: terminated'));
try {
  await run(args);
  clearTimeout(limit);
  await finish(0);
} catch (e) {
  clearTimeout(limit);
  const message = e instanceof TestFailure ? e.message : (e && e.stack) || String(e);
  await finish(1, `page_test: FAILED: ${message}`);
}

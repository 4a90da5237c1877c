// Browser test of the web page `credence serve` shows at GET / (web/index.html, app.css, app.js).
//
//   node page_test.mjs --credence PATH_TO_CREDENCE --out DIR [--web-dir DIR]
//
// Starts `credence serve --port 0` (with --web-dir when given), drives the page in headless
// Debian Chromium (/usr/bin/chromium) through playwright-core and checks it against reports
// fetched straight from POST /v1/analyze: verdict, every cue span highlighted over exactly the
// report's text (so the UTF-8 byte -> UTF-16 offset conversion is right, also for non-ASCII and
// HTML input), every propaganda-technique passage highlighted over exactly its text with its
// technique, the check-worthy claims listed in report order and underlined, the headline's
// clickbait probability as the report has it, tooltips on keyboard focus (cues, techniques,
// claims), attributions, leftovers, site ratings, the error paths, keyboard-only use and a
// 375 px phone width without horizontal scrolling. A second server with the learned detectors
// off checks that the page says so; a report with made-up technique passages (served to the
// page by request interception) checks the technique rendering even while the real report has
// none. Any console error, failed request or request leaving localhost fails the test. Writes
// page-desktop.png, page-phone.png and page-detectors-off.png into --out. Exit 0 on success,
// 1 on failure, 2 on bad usage; never runs longer than about 60 s, and always stops the servers
// it started.

import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const servers = []; // every credence serve started, stopped by cleanup()
let browser = null;
let finished = false;
let tempDir = null; // the empty learned-models folder of the detectors-off server

class TestFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new TestFailure(message);
}

function step(name) {
  console.log(`page_test: ${name}`);
}

async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
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
  await Promise.all(servers.map(stopServer));
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

async function finish(code, message) {
  if (finished) return;
  finished = true;
  if (message) console.error(message);
  await cleanup();
  process.exit(code);
}

// ---- the server ----------------------------------------------------------------------------

/**
 * Starts credence serve on a free port (with `extraEnv` added to its environment); resolves
 * with its base URL from the stderr line.
 */
function startServer(credence, webDir, extraEnv = {}) {
  const args = ['serve', '--port', '0'];
  if (webDir) args.push('--web-dir', webDir);
  const server = spawn(credence, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...extraEnv } });
  servers.push(server);
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

/**
 * The reports (by step) that had no verdict. A missing content model is a failure, but the run
 * goes on with every other check first and fails at its end, so one run shows all problems.
 */
const noVerdict = [];

async function checkVerdict(page, report, what) {
  if (!report.verdict) {
    noVerdict.push(what);
    const none = await page.textContent('#verdict');
    check(/no verdict/i.test(none), `${what}: the report has no verdict but the page does not say so ("${none}")`);
    return;
  }
  const verdictText = await page.textContent('#verdict');
  const label = await page.textContent('.verdict-label');
  const probability = Number(await page.textContent('.verdict-probability'));
  check(['reliable', 'uncertain', 'unreliable'].includes(label.trim().toLowerCase()),
    `${what}: verdict label "${label}" is not reliable/uncertain/unreliable (verdict: ${verdictText})`);
  check(label.trim().toLowerCase() === report.verdict.label, `${what}: verdict label ${label} != report ${report.verdict.label}`);
  check(probability >= 0 && probability <= 1, `${what}: probability ${probability} is not within [0, 1]`);
  check(Math.abs(probability - report.verdict.probability_unreliable) < 0.006,
    `${what}: probability ${probability} != report ${report.verdict.probability_unreliable}`);
  check(await page.isVisible('.verdict-card .meter-marker'), `${what}: the verdict meter is not visible`);
}

/**
 * Checks verdict, highlights (count and exact text), legend counts, attributions, leftovers,
 * technique passages, claims and the headline's clickbait score.
 */
async function checkReport(page, report, what) {
  await checkVerdict(page, report, what);

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

  const techniques = await checkTechniques(page, report, what);
  await checkClaims(page, report, what);
  await checkFactChecks(page, report, what);
  await checkHeadline(page, report, what);
  return { spans: expected.size, marks: rendered.count, techniques };
}

const TECHNIQUE_CUE = 'propaganda_techniques';

/** The key the page gives a technique passage in data-spans (the propaganda_techniques cue's evidence). */
function techniqueKey(t) {
  return `${TECHNIQUE_CUE}:${t.start}-${t.end}`;
}

/**
 * Every technique passage is highlighted over exactly its text, each of its highlights names
 * its technique and has a family colour, and nothing else is highlighted as a technique.
 * Returns how many passages were checked (0, with a note, when the report has none).
 */
async function checkTechniques(page, report, what) {
  const techniques = report.techniques || [];
  const marks = await page.$$eval('#article-text mark.hl', (ms) => ms.map((m) => ({
    text: m.textContent, spans: (m.dataset.spans || '').split(' '), techniques: (m.dataset.techniques || '').split(' '),
    family: /\btq-(wording|emotion|reasoning|authority|other)\b/.test(m.className),
  })));
  const legendCount = (await page.textContent(`label[for="cue-toggle-${TECHNIQUE_CUE}"] .legend-count`)).trim();
  if (!techniques.length) {
    step(`  ${what}: the report has no technique passages (${legendCount}); technique highlight checks skipped`);
    check(marks.every((m) => m.techniques.join('') === ''), `${what}: a technique highlight without technique passages`);
    return 0;
  }
  check(legendCount === String(techniques.length),
    `${what}: legend count of techniques is "${legendCount}", the report has ${techniques.length}`);
  const keys = new Set(techniques.map(techniqueKey));
  for (const t of techniques) {
    const own = marks.filter((m) => m.spans.includes(techniqueKey(t)));
    check(own.length > 0, `${what}: technique ${t.technique} "${t.text}" is not highlighted`);
    const text = own.map((m) => m.text).join('');
    check(text === t.text, `${what}: highlight of technique ${t.technique} reads "${text}", the report's passage is "${t.text}"`);
    check(own.every((m) => m.techniques.includes(t.technique) && m.family),
      `${what}: a highlight of "${t.text}" does not name ${t.technique} or lacks its family colour`);
  }
  for (const m of marks) {
    for (const key of m.spans) {
      if (key.startsWith(`${TECHNIQUE_CUE}:`)) check(keys.has(key), `${what}: technique highlight ${key} is not in the report`);
    }
  }
  return techniques.length;
}

/** Claims listed in report order with their texts and probabilities, and underlined in the article. */
async function checkClaims(page, report, what) {
  const claims = report.claims || [];
  const items = await page.$$eval('#claims .claim-item', (lis) => lis.map((li) => ({
    text: li.querySelector('.claim-text').textContent, probability: li.querySelector('.claim-probability').textContent.trim(),
  })));
  check(items.length === claims.length, `${what}: ${items.length} claims listed, the report has ${claims.length}`);
  claims.forEach((c, i) => {
    check(items[i].text === c.text, `${what}: claim ${i + 1} reads "${items[i].text}", the report's is "${c.text}"`);
    check(items[i].probability === c.probability.toFixed(2),
      `${what}: claim ${i + 1} shows ${items[i].probability}, the report ${c.probability}`);
  });
  const pieces = await page.$$eval('#article-text [data-claims]', (ns) => ns.map((n) => ({
    text: n.textContent, claims: n.dataset.claims.split(' '), underlined: getComputedStyle(n).textDecorationLine.includes('underline'),
  })));
  claims.forEach((c, i) => {
    const own = pieces.filter((p) => p.claims.includes(String(i)));
    const text = own.map((p) => p.text).join('');
    check(text === c.text, `${what}: claim ${i + 1} is marked in the article as "${text}", the report's is "${c.text}"`);
    check(own.every((p) => p.underlined), `${what}: claim ${i + 1} is not underlined in the article`);
  });
  check(pieces.length === 0 || claims.length > 0, `${what}: claim marks without claims`);
  if (!claims.length) {
    const note = await page.textContent('#claims');
    check(/not checked|no sentence/i.test(note), `${what}: no claims and the claims card does not say why ("${note}")`);
  }
}

/** The fact-check matches listed as the report has them, or the card saying why there are none. */
async function checkFactChecks(page, report, what) {
  const fc = report.fact_checks;
  check(fc && typeof fc.searched === 'boolean', `${what}: the report has no fact_checks section`);
  const items = await page.$$eval('#factchecks .factcheck-item', (lis) => lis.map((li) => ({
    verdict: li.querySelector('.factcheck-verdict').textContent, claim: li.querySelector('.factcheck-claim').textContent,
  })));
  check(items.length === fc.matches.length, `${what}: ${items.length} fact-checks listed, the report has ${fc.matches.length}`);
  fc.matches.forEach((m, i) => {
    check(items[i].claim === m.claim, `${what}: fact-check ${i + 1} reads "${items[i].claim}", the report's is "${m.claim}"`);
    check(items[i].verdict.startsWith(m.publisher || 'A fact-checker'), `${what}: fact-check ${i + 1} does not name its publisher`);
  });
  if (!fc.matches.length) {
    const note = await page.textContent('#factchecks');
    check(/not searched|no claim like/i.test(note), `${what}: no fact-checks and the card does not say why ("${note}")`);
  }
}

/** The headline's clickbait probability as the report has it (two decimals), its bar and its signed words. */
async function checkHeadline(page, report, what) {
  const h = report.headline;
  check(await page.isVisible('#headline-card'), `${what}: the headline card is not visible`);
  if (!h) {
    const note = await page.textContent('#headline-assessment');
    check(/not scored/i.test(note), `${what}: the report has no headline score and the page does not say so ("${note}")`);
    check(!(await page.$('#clickbait-probability')), `${what}: a clickbait probability shown without a headline score`);
    return;
  }
  const shown = (await page.textContent('#clickbait-probability')).trim();
  check(shown === h.clickbait_probability.toFixed(2),
    `${what}: clickbait probability shown ${shown}, the report ${h.clickbait_probability}`);
  check(await page.isVisible('#headline-card .meter-marker'), `${what}: the clickbait bar is not visible`);
  const chips = await page.$$eval('#headline-card .chip', (cs) => cs.map((c) => ({
    value: Number(c.querySelector('.chip-value').textContent.replace('\u2212', '-')), up: c.classList.contains('chip-up'),
  })));
  check(chips.length === h.top_features.length, `${what}: ${chips.length} headline words shown, the report has ${h.top_features.length}`);
  h.top_features.forEach((f, i) => {
    check(Math.abs(chips[i].value - f.contribution) < 0.006 && chips[i].up === (f.contribution >= 0),
      `${what}: headline word ${f.name} shows ${chips[i].value}, the report ${f.contribution}`);
  });
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
  const count = `${report.site.raters_unreliable} of ${report.site.raters_rated}`;
  check(summary.includes(count) && summary.includes('rater'), `${what}: site summary "${summary}" does not count raters (${count})`);
  const votes = await page.$$eval('#site .site-raters li', (lis) => lis.map((li) => li.textContent));
  check(votes.length === report.site.raters.length, `${what}: ${votes.length} raters shown, the report has ${report.site.raters.length}`);
  report.site.raters.forEach((v, i) => {
    check(votes[i] && votes[i].startsWith(v.name), `${what}: rater ${i} shows "${votes[i]}", the report ${v.name}`);
  });
}

/**
 * Tabs from the last legend switch into the article until a highlight matching `selector` takes
 * focus (at most `limit` presses, never past the article); returns what the page says of it.
 */
async function tabToHighlight(page, selector, limit) {
  await page.locator('#legend-list input:not(:disabled)').last().focus();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((sel) => {
      const a = document.activeElement;
      if (!a) return 'left';
      if (a.matches(sel)) {
        return { cues: a.dataset.cues, techniques: a.dataset.techniqueNumbers, describedBy: a.getAttribute('aria-describedby') };
      }
      return a.closest('#article-text') || a.closest('#legend') ? 'go on' : 'left';
    }, selector);
    if (focused === 'left') return null;
    if (focused && focused !== 'go on') return focused;
  }
  return null;
}

/** Tabs from the legend into the article; the first cue highlight must take focus and show its reason. */
async function checkKeyboardTooltip(page, report) {
  const focused = await tabToHighlight(page, 'mark.hl:not([data-cues=""])', 40);
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
  await checkTooltipInViewport(page);
}

async function checkTooltipInViewport(page) {
  const inViewport = await page.evaluate(() => {
    const r = document.querySelector('#cue-tooltip').getBoundingClientRect();
    return r.left >= 0 && r.right <= document.documentElement.clientWidth;
  });
  check(inViewport, 'the tooltip runs past the edge of the window');
}

/**
 * Tabs into the article to the first technique highlight; its tooltip and its aria-describedby
 * text must name the technique and its probability as the page rounds it.
 */
async function checkTechniqueKeyboard(page, report, what) {
  const techniques = report.techniques || [];
  if (!techniques.length) {
    step(`  ${what}: no technique passages, so no technique highlight to focus (skipped)`);
    return;
  }
  const focused = await tabToHighlight(page, 'mark.hl:not([data-techniques=""])', 400);
  check(focused, `${what}: Tab from the legend does not reach a technique highlight`);
  const t = techniques[Number(focused.techniques.split(' ')[0])];
  check(t, `${what}: the focused technique highlight names no technique of the report`);
  check(await page.isVisible('#cue-tooltip'), `${what}: the reason of a focused technique highlight is not visible`);
  const tip = await page.textContent('#cue-tooltip');
  const probability = t.probability.toFixed(2);
  check(tip.includes(t.label) && tip.includes(probability),
    `${what}: tooltip "${tip}" lacks the technique "${t.label}" or its probability ${probability}`);
  const description = await page.textContent(`#${focused.describedBy}`);
  check(description.includes(t.label) && description.includes(probability),
    `${what}: aria-describedby text "${description}" lacks "${t.label}" or ${probability}`);
  await checkTooltipInViewport(page);
}

/** "Show" on a claim, pressed with the keyboard, focuses the claim in the article and shows its reason. */
async function checkClaimKeyboard(page, report, what) {
  if (!(report.claims || []).length) {
    step(`  ${what}: no claims to jump to (skipped)`);
    return;
  }
  const last = report.claims.length - 1;
  await page.focus(`#claims .claim-item:nth-child(${last + 1}) button`);
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    return a && a.closest('#article-text') && a.dataset.claims !== undefined ? a.dataset.claims.split(' ') : null;
  });
  check(focused && focused.includes(String(last)), `${what}: "Show" on claim ${last + 1} does not focus it in the article`);
  check(await page.isVisible('#cue-tooltip'), `${what}: the focused claim shows no reason`);
  const tip = await page.textContent('#cue-tooltip');
  check(tip.includes(`Check-worthy claim ${last + 1}`) && tip.includes(report.claims[last].probability.toFixed(2)),
    `${what}: the claim's tooltip "${tip}" lacks its rank or probability`);
}

async function checkNoHorizontalScroll(page, width, what) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  check(scrollWidth <= width, `${what}: page is ${scrollWidth} px wide at a ${width} px window (horizontal scroll)`);
}

/**
 * Switching the legend entry `id` off (label of #cue-toggle-<id>, or #claims-toggle) must leave
 * nothing matching `selector` (its marks) in the article; on again, they must all be back.
 */
async function checkToggle(page, id, selector) {
  const label = id === 'claims' ? 'label[for="claims-toggle"]' : `label[for="cue-toggle-${id}"]`;
  const count = () => page.$$eval(`#article-text ${selector}`, (nodes) => nodes.length);
  const before = await count();
  check(before > 0, `${id}: nothing of it is marked in the article to switch off`);
  await page.click(label);
  const left = await count();
  check(left === 0, `switching off ${id} left ${left} of its ${before} marks`);
  await page.click(label);
  check(await count() === before, `switching ${id} back on does not bring back its ${before} marks`);
}

/**
 * `report` with made-up technique passages over its first body sentences (alternately whole and
 * cut in half on a character boundary): one technique of each family and an id the page does
 * not know, with the propaganda_techniques cue listing them. Lets the technique rendering be
 * checked on a real text (and its byte offsets) while the server's report has no techniques.
 */
function withMadeUpTechniques(report, text) {
  const bytes = Buffer.from(text, 'utf8');
  const ids = ['loaded_language', 'appeal_to_fear_prejudice', 'causal_oversimplification', 'doubt', 'a_future_technique'];
  const sentences = report.structure.paragraphs.filter((p) => p.role === 'body').flatMap((p) => p.sentences);
  check(sentences.length >= ids.length, 'the non-ASCII demo report has too few body sentences for made-up techniques');
  const techniques = ids.map((id, i) => {
    const s = sentences[i];
    let end = s.end;
    if (i % 2 === 1) {
      end = s.start + Math.floor((s.end - s.start) / 2);
      while (end < s.end && (bytes[end] & 0xc0) === 0x80) end++; // not inside a UTF-8 sequence
    }
    const label = id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' ');
    return { start: s.start, end, text: bytes.subarray(s.start, end).toString('utf8'), technique: id, label,
      probability: 0.41 + 0.1 * i, span_probability: 0.73 };
  });
  const cue = {
    id: TECHNIQUE_CUE, description: 'Passages that use propaganda techniques (made up by the browser test)',
    strength: 0.6, detail: `${techniques.length} passages`,
    evidence: techniques.map(({ start, end, text: t }) => ({ start, end, text: t })),
  };
  return { ...report, techniques, cues: report.cues.filter((c) => c.id !== TECHNIQUE_CUE).concat(cue) };
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
  if (demoReport.verdict) check(status.includes(demoReport.verdict.label), `status "${status}" does not announce the verdict`);
  await checkKeyboardTooltip(page, demoReport);
  await checkTechniqueKeyboard(page, demoReport, 'demo article');
  await checkClaimKeyboard(page, demoReport, 'demo article');
  step(`  ${demoCounts.spans} cue spans rendered as ${demoCounts.marks} highlight segments; ` +
    `${demoCounts.techniques} technique passages, ${demoReport.claims.length} claims, headline clickbait ` +
    `${demoReport.headline ? demoReport.headline.clickbait_probability : 'not scored'}`);

  step('legend toggles hide a cue kind, the technique passages and the claims');
  const firstWithSpans = demoReport.cues.find((c) => c.evidence.length && c.id !== TECHNIQUE_CUE);
  await checkToggle(page, firstWithSpans.id, `mark.hl[data-cues~="${firstWithSpans.id}"]`);
  if (demoReport.techniques.length) await checkToggle(page, TECHNIQUE_CUE, 'mark.hl:not([data-techniques=""])');
  if (demoReport.claims.length) await checkToggle(page, 'claims', '[data-claims]');
  await checkReport(page, demoReport, 'demo article after toggling back');

  if (demoReport.verdict) {
    step('the explanation reads as the report\'s reasons, in plain words');
    const explanation = await page.textContent('#explanation');
    for (const reason of demoReport.verdict.label === 'insufficient' ? [] : demoReport.verdict.reasons) {
      check(explanation.includes(reason.text), `the explanation does not show the reason "${reason.text}"`);
    }
    check(!/log odds|logit|cue:|attributions:|<name>/.test(explanation), 'the explanation shows internal names or log odds');
    step('"Show" on an explanation row outlines its words in the article');
    await page.click('.feature-list button[aria-pressed]');
    const outlined = await page.$$eval('#article-text .feature-hit', (hits) => hits.length);
    check(outlined > 0, '"Show" outlines nothing in the article');
    check(await page.getAttribute('.feature-list button[aria-pressed]', 'aria-pressed') === 'true', '"Show" is not pressed');
    await page.click('.feature-list button[aria-pressed="true"]');
    check(await page.$$eval('#article-text .feature-hit', (hits) => hits.length) === 0, 'a second "Show" does not clear the outline');
  }
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(out, 'page-desktop.png'), fullPage: true });

  step('phone width 375 x 800');
  await page.setViewportSize({ width: 375, height: 800 });
  await checkNoHorizontalScroll(page, 375, 'phone width with a report');
  await page.locator('#article-text mark.hl').first().focus();
  await checkNoHorizontalScroll(page, 375, 'phone width with a tooltip open');
  if (demoReport.claims.length) {
    await page.click('#claims .claim-item button');
    await checkNoHorizontalScroll(page, 375, 'phone width with a claim shown');
    await checkTooltipInViewport(page);
  }
  await page.evaluate(() => document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
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

  step('made-up technique passages (a served report with one of each family) on the non-ASCII text');
  const madeUp = withMadeUpTechniques(unicodeReport, unicodeText);
  await page.route('**/v1/analyze', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(madeUp),
  }));
  await page.fill('#url-input', '');
  await page.fill('#article-input', unicodeText);
  await page.click('#analyze-button');
  await page.waitForSelector('#article-text mark.tq', { timeout: 10_000 });
  await waitForReport(page);
  await page.unroute('**/v1/analyze');
  const families = await page.$$eval('#legend .family-key-item', (items) => items.length);
  check(families === 5, `the legend shows ${families} technique families, the made-up report has 5`);
  check(await checkTechniques(page, madeUp, 'made-up techniques') === madeUp.techniques.length, 'made-up techniques not all checked');
  await checkReport(page, madeUp, 'made-up techniques');
  await checkTechniqueKeyboard(page, madeUp, 'made-up techniques');
  await checkToggle(page, TECHNIQUE_CUE, 'mark.hl:not([data-techniques=""])');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.locator('#article-text mark.tq').first().scrollIntoViewIfNeeded();
  await page.locator('#article-text').screenshot({ path: join(out, 'page-techniques.png') });
  noProblems(problems, 'made-up techniques');

  step('learned detectors off (a second server with an empty model folder): the page says so');
  tempDir = mkdtempSync(join(tmpdir(), 'credence-no-models-'));
  const offBase = await startServer(resolve(args.credence), args['web-dir'] && resolve(args['web-dir']),
    { CREDENCE_LEARNED_MODELS: tempDir });
  const offReport = await analyzeDirectly(offBase, { text: demoText });
  check(offReport.techniques.length === 0 && offReport.claims.length === 0 && offReport.headline === null,
    'with an empty CREDENCE_LEARNED_MODELS folder the report still has techniques, claims or a headline score');
  check(offReport.warnings.some((w) => / off/.test(w)), `no "off" warning with the detectors off: ${offReport.warnings}`);
  await page.goto(offBase, { waitUntil: 'load' });
  await page.fill('#article-input', demoText);
  await page.click('#analyze-button');
  await waitForReport(page);
  await checkReport(page, offReport, 'detectors off');
  for (const id of [`cue-toggle-${TECHNIQUE_CUE}`, 'claims-toggle']) {
    const count = (await page.textContent(`label[for="${id}"] .legend-count`)).trim();
    check(count === 'detector off', `detectors off: the legend entry ${id} says "${count}", not "detector off"`);
  }
  check(/off/.test(await page.textContent('#headline-assessment')), 'detectors off: the headline card does not say the model is off');
  check(/off/.test(await page.textContent('#claims')), 'detectors off: the claims card does not say the model is off');
  check(await page.isVisible('#warnings-card'), 'detectors off: the warnings are not shown');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.screenshot({ path: join(out, 'page-detectors-off.png'), fullPage: true });
  noProblems(problems, 'detectors off');

  const verdictWarning = demoReport.warnings.find((w) => w.startsWith('verdict off')) || 'no warning';
  check(noVerdict.length === 0, `every other check passed, but these reports have no verdict: ${noVerdict.join(', ')} ` +
    `(the server has no content model: ${verdictWarning})`);

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

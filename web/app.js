// credence web page behaviour: reads the article (textarea, dropped or chosen file), posts it
// to POST /v1/analyze and renders the JSON report (docs/report-schema.md) into index.html:
// the verdict, the headline's clickbait score (its own card, apart from the verdict), the
// article with cue evidence, propaganda-technique passages and check-worthy claims marked, the
// claims ranked, attributions, leftovers and site ratings. A learned detector that is off
// (null headline, empty techniques/claims and an "... off" warning) is said to be off.
// Report strings only ever reach the page through textContent / attribute setters, never
// innerHTML. Report offsets are UTF-8 byte offsets; they are mapped to JavaScript (UTF-16)
// string indices by ByteIndex below before slicing the text.
'use strict';

(function () {
  // ---- Names shown for the report's enum values -------------------------------------------

  const CUE_NAMES = {
    anonymous_sourcing: 'Anonymous sourcing',
    questionable_source: 'Questionable source',
    hedging: 'Hedging',
    loaded_language: 'Loaded language',
    emotional_tone: 'Emotional tone',
    clickbait_headline: 'Clickbait headline',
    spelling_errors: 'Spelling errors',
    appeal_for_money: 'Appeal for money',
    media_attack: 'Media attack',
    shouting: 'Shouting',
    missing_byline_or_date: 'Missing byline or date',
    propaganda_techniques: 'Propaganda techniques',
  };

  // The cue whose evidence spans are the technique passages: they are drawn from report.techniques
  // (which knows each passage's technique) instead of as plain cue evidence.
  const TECHNIQUE_CUE = 'propaganda_techniques';

  // Shown when a technique has no `label` in the report (older or trimmed reports).
  const TECHNIQUE_NAMES = {
    appeal_to_authority: 'Appeal to authority',
    appeal_to_fear_prejudice: 'Appeal to fear or prejudice',
    bandwagon_reductio_ad_hitlerum: 'Bandwagon, reductio ad Hitlerum',
    black_and_white_fallacy: 'Black-and-white fallacy',
    causal_oversimplification: 'Causal oversimplification',
    doubt: 'Doubt',
    exaggeration_minimisation: 'Exaggeration, minimisation',
    flag_waving: 'Flag-waving',
    loaded_language: 'Loaded language',
    name_calling_labeling: 'Name calling, labeling',
    repetition: 'Repetition',
    slogans: 'Slogans',
    thought_terminating_cliches: 'Thought-terminating clich\u00e9s',
    whataboutism_straw_men_red_herring: 'Whataboutism, straw men, red herring',
  };

  // Fourteen colours could not be told apart, so the techniques share four colours by family
  // (the class tq-<family> in app.css); unknown ids fall into 'other'.
  const TECHNIQUE_FAMILIES = [
    ['wording', 'Charged wording', ['loaded_language', 'name_calling_labeling', 'exaggeration_minimisation', 'repetition']],
    ['emotion', 'Emotional appeals and slogans', ['appeal_to_fear_prejudice', 'flag_waving', 'slogans', 'thought_terminating_cliches']],
    ['reasoning', 'Faulty reasoning', ['black_and_white_fallacy', 'causal_oversimplification',
      'whataboutism_straw_men_red_herring', 'bandwagon_reductio_ad_hitlerum']],
    ['authority', 'Authority and doubt', ['appeal_to_authority', 'doubt']],
  ];

  const SOURCE_KIND_NAMES = {
    named_person: 'Named person',
    institution: 'Institution',
    media_outlet: 'Media outlet',
    state_affiliated_outlet: 'State-affiliated outlet',
    anonymous: 'Anonymous',
    unattributed: 'Unattributed',
  };

  const REMOVED_CATEGORY_NAMES = {
    site_chrome: 'Site menus and navigation',
    related: 'Related stories',
    signature: 'Sign-off lines',
    appeal: 'Donation or subscription appeals',
    widget: 'Vote and engagement widgets',
    comment_prompt: 'Comment prompts',
    share: 'Share, follow and newsletter text',
    copyright: 'Copyright footers',
    caption: 'Photo and video captions',
  };

  const WIDGET_NUMBER_NAMES = [
    ['points', 'points'], ['total', 'votes'], ['up', 'up'], ['down', 'down'],
    ['up_percent', '% up'], ['down_percent', '% down'],
  ];

  const LABEL_NAMES = { reliable: 'Reliable', uncertain: 'Uncertain', unreliable: 'Unreliable' };

  // ---- Small DOM helpers -----------------------------------------------------------------

  function byId(id) { return document.getElementById(id); }

  /** Makes an element with classes and text (text is set with textContent, never parsed). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function humanise(id, names) {
    if (Object.prototype.hasOwnProperty.call(names, id)) return names[id];
    const words = String(id).replace(/[_/:]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** A CSS class for a report enum value: `prefix` + the value (dashes) when `names` knows it, else `prefix` + 'other'. */
  function knownClass(prefix, id, names) {
    return prefix + (Object.prototype.hasOwnProperty.call(names, id) ? String(id).replace(/_/g, '-') : 'other');
  }

  /** A CSS class for a cue id: known ids keep their colour, others share one. */
  function cueClass(id) { return knownClass('cue-', id, CUE_NAMES); }

  /** The family key of a technique id ('wording', 'emotion', 'reasoning', 'authority' or 'other'). */
  function techniqueFamily(id) {
    const family = TECHNIQUE_FAMILIES.find((f) => f[2].includes(id));
    return family ? family[0] : 'other';
  }

  function familyName(key) {
    const family = TECHNIQUE_FAMILIES.find((f) => f[0] === key);
    return family ? family[1] : 'Other techniques';
  }

  /** The report's human label of a technique passage, else ours. */
  function techniqueName(t) {
    return typeof t.label === 'string' && t.label ? t.label : humanise(t.technique, TECHNIQUE_NAMES);
  }

  /**
   * Whether the report's warnings say a learned detector is off ("<detector> off: why").
   * `pattern` names the detector; "learned detectors off" (no model folder) turns all off.
   */
  function detectorOff(report, pattern) {
    return (report.warnings || []).some((w) => /\boff\b/.test(w) && (pattern.test(w) || /learned detectors/i.test(w)));
  }

  function formatNumber(value, digits) {
    return Number(value).toFixed(digits);
  }

  function formatSigned(value) {
    const text = Math.abs(value).toFixed(2);
    return (value > 0 ? '+' : value < 0 ? '\u2212' : '\u00b1') + text;
  }

  /** Only http(s) links from the report become clickable. */
  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function externalLink(url, text) {
    const href = safeHref(url);
    if (!href) return el('span', 'url-text', text || url);
    const link = el('a', 'external', text || url);
    link.href = href;
    link.rel = 'noopener noreferrer nofollow';
    link.target = '_blank';
    return link;
  }

  // ---- UTF-8 byte offsets -> UTF-16 string indices ---------------------------------------

  /**
   * Maps byte offsets of the UTF-8 encoding of `text` to indices into the JavaScript string.
   * A byte inside a multi-byte character maps down (for starts) or up (for ends) to the
   * character's edge, so a slice never splits a character or a surrogate pair.
   */
  class ByteIndex {
    constructor(text) {
      this.text = text;
      this.byteLength = ByteIndex.utf8Length(text);
      this.starts = new Uint32Array(this.byteLength + 1); // UTF-16 index of the character holding byte k
      this.boundary = new Uint8Array(this.byteLength + 1); // 1 where byte k begins a character (or is the end)
      let bytes = 0;
      for (let i = 0; i < text.length;) {
        const cp = text.codePointAt(i);
        const length = ByteIndex.utf8Bytes(cp);
        this.boundary[bytes] = 1;
        this.starts.fill(i, bytes, bytes + length);
        bytes += length;
        i += cp > 0xffff ? 2 : 1;
      }
      this.starts[bytes] = text.length;
      this.boundary[bytes] = 1;
    }

    static utf8Bytes(cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

    static utf8Length(text) {
      let bytes = 0;
      for (let i = 0; i < text.length;) {
        const cp = text.codePointAt(i);
        bytes += ByteIndex.utf8Bytes(cp);
        i += cp > 0xffff ? 2 : 1;
      }
      return bytes;
    }

    clamp(byte) { return Math.max(0, Math.min(this.byteLength, Math.floor(Number(byte) || 0))); }

    startIndex(byte) { return this.starts[this.clamp(byte)]; }

    endIndex(byte) {
      let b = this.clamp(byte);
      while (b < this.byteLength && !this.boundary[b]) b++;
      return this.starts[b];
    }

    /** The report span {start, end} as UTF-16 indices {from, to}. */
    range(span) { return { from: this.startIndex(span.start), to: this.endIndex(span.end) }; }

    slice(span) {
      const r = this.range(span);
      return this.text.slice(r.from, r.to);
    }
  }

  // ---- Application state -----------------------------------------------------------------

  const state = {
    report: null,
    index: null, // ByteIndex over the analyzed text
    hiddenCues: new Set(), // cue ids switched off in the legend (TECHNIQUE_CUE hides the technique passages)
    showClaims: true, // check-worthy claims underlined in the article
    featureSpans: null, // spans of the explanation row picked with "Show", or null
    request: null, // AbortController of the request in flight
  };

  // ---- Reading the input -----------------------------------------------------------------

  function looksLikeHtml(text) { return /^\s*</.test(text); }

  function isHtmlFileName(name) { return /\.html?$/i.test(name || ''); }

  /** Decides 'html' or 'text' for what is in the textarea. */
  function inputFormat(text) {
    const chosen = byId('format-select').value;
    if (chosen === 'html' || chosen === 'text') return chosen;
    return looksLikeHtml(text) ? 'html' : 'text';
  }

  /** Replaces lone surrogates with U+FFFD so the text has one exact UTF-8 encoding. */
  function wellFormed(text) {
    if (typeof text.toWellFormed === 'function') return text.toWellFormed();
    return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/g,
      (m) => m.replace(/[\ud800-\udfff]/, '\ufffd'));
  }

  function readFile(file) {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      byId('article-input').value = String(reader.result);
      byId('format-select').value = isHtmlFileName(file.name) ? 'html' : 'auto';
      setStatus('Loaded ' + file.name + ' (' + file.size.toLocaleString() + ' bytes). Press Analyze.');
      byId('article-input').focus();
    };
    reader.onerror = () => showError('Could not read ' + file.name + ': ' + String(reader.error));
    reader.readAsText(file);
  }

  // ---- Status, errors, loading -----------------------------------------------------------

  function setStatus(text) { byId('status').textContent = text; }

  function showError(message) {
    const box = byId('error');
    clear(box);
    box.appendChild(el('strong', null, 'Could not analyze: '));
    box.appendChild(document.createTextNode(message));
    box.hidden = false;
    setStatus('');
  }

  function hideError() {
    const box = byId('error');
    box.hidden = true;
    clear(box);
  }

  function setLoading(loading) {
    const button = byId('analyze-button');
    button.disabled = loading;
    button.classList.toggle('is-loading', loading);
    button.querySelector('.button-label').textContent = loading ? 'Analyzing\u2026' : 'Analyze';
    byId('analyze-form').setAttribute('aria-busy', loading ? 'true' : 'false');
    if (loading) setStatus('Analyzing\u2026');
  }

  // ---- Talking to the server -------------------------------------------------------------

  function buildRequest(text) {
    const body = {};
    body[inputFormat(text)] = text;
    const url = byId('url-input').value.trim();
    const title = byId('title-input').value.trim();
    if (url) body.url = url;
    if (title) body.title = title;
    return body;
  }

  /** Posts the body; resolves with the report or rejects with an Error carrying the message. */
  async function postAnalyze(body, signal) {
    let response;
    try {
      response = await fetch('/v1/analyze', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new Error('the server could not be reached (' + e.message + ')');
    }
    let payload = null;
    try {
      payload = await response.json();
    } catch (e) {
      payload = null;
    }
    if (!response.ok) {
      const message = payload && payload.error && payload.error.message;
      throw new Error((message || response.statusText || 'request failed') + ' (HTTP ' + response.status + ')');
    }
    if (!payload || typeof payload !== 'object') throw new Error('the server sent no report');
    return payload;
  }

  async function analyze() {
    hideError();
    const raw = byId('article-input').value;
    if (!raw.trim()) {
      showError('paste an article or open a file first.');
      byId('article-input').focus();
      return;
    }
    const text = wellFormed(raw);
    const body = buildRequest(text);
    if (state.request) state.request.abort();
    const controller = new AbortController();
    state.request = controller;
    setLoading(true);
    try {
      const report = await postAnalyze(body, controller.signal);
      const analyzedText = report.page && typeof report.page.text === 'string' ? report.page.text : text;
      showReport(report, analyzedText);
    } catch (e) {
      if (e.name !== 'AbortError') showError(e.message);
    } finally {
      if (state.request === controller) {
        state.request = null;
        setLoading(false);
      }
    }
  }

  // ---- Rendering the report --------------------------------------------------------------

  function showReport(report, analyzedText) {
    state.report = report;
    state.index = new ByteIndex(analyzedText);
    state.hiddenCues = new Set();
    state.showClaims = true;
    state.featureSpans = null;
    renderVerdict(report);
    renderArticleMeta(report);
    renderHeadline(report);
    renderSite(report.site);
    renderExplanation(report.verdict);
    renderLegend(report);
    renderArticle();
    renderClaims(report);
    renderFactChecks(report);
    renderAttributions(report.attributions || []);
    renderRemoved(report.removed || []);
    renderWarnings(pageWarnings(report, state.index));
    renderFooter(report);
    byId('results').hidden = false;
    setStatus(statusSummary(report));
    byId('verdict-heading').focus();
  }

  function statusSummary(report) {
    const v = report.verdict;
    const cues = (report.cues || []).filter((c) => c.strength > 0).length;
    const verdict = v ? v.label + ' ' + formatNumber(v.probability_unreliable, 2) : 'no verdict (no model loaded)';
    const parts = [verdict, cues + ' cues found'];
    const techniques = (report.techniques || []).length;
    if (techniques) parts.push(techniques + (techniques === 1 ? ' propaganda passage' : ' propaganda passages'));
    const claims = (report.claims || []).length;
    if (claims) parts.push(claims + (claims === 1 ? ' check-worthy claim' : ' check-worthy claims'));
    if (report.headline) parts.push('headline clickbait ' + formatNumber(report.headline.clickbait_probability, 2));
    return 'Analysis done: ' + parts.join(', ') + '.';
  }

  function renderVerdict(report) {
    const box = byId('verdict');
    clear(box);
    const v = report.verdict;
    const card = box.closest('.verdict-card');
    card.classList.remove('is-reliable', 'is-uncertain', 'is-unreliable');
    if (v && Object.prototype.hasOwnProperty.call(LABEL_NAMES, v.label)) card.classList.add('is-' + v.label);
    if (!v) {
      box.appendChild(el('p', 'verdict-none', 'No verdict: the server has no content model loaded. The cues below still apply.'));
      return;
    }
    if (v.label === 'insufficient') {
      const line = el('p', 'verdict-line verdict-other');
      line.id = 'verdict-line';
      line.appendChild(el('span', 'verdict-label', 'Not enough to judge'));
      box.appendChild(line);
      box.appendChild(el('p', 'verdict-caption', String(v.insufficient_reason || '') +
        ' The cues below still apply; the model\u2019s score would not be a judgement of this text.'));
      return;
    }
    const p = Math.max(0, Math.min(1, Number(v.probability_unreliable)));
    const label = String(v.label);
    const known = Object.prototype.hasOwnProperty.call(LABEL_NAMES, label);

    const headline = el('p', 'verdict-line verdict-' + (known ? label : 'other'));
    headline.id = 'verdict-line';
    headline.appendChild(el('span', 'verdict-label', humanise(label, LABEL_NAMES)));
    headline.appendChild(el('span', 'verdict-probability', formatNumber(p, 2)));
    box.appendChild(headline);
    box.appendChild(el('p', 'verdict-caption',
      'Probability the article is unreliable, from its text alone: ' + Math.round(p * 100) + '%.'));
    box.appendChild(verdictMeter(p, v.thresholds || {}, label));
  }

  /** A bar from 0 to 1 with the two thresholds marked and the probability as a marker. */
  function verdictMeter(p, thresholds, label) {
    const low = Number(thresholds.reliable_below ?? 0.35);
    const high = Number(thresholds.unreliable_from ?? 0.65);
    const zones = [['reliable', 0, low], ['uncertain', low, high], ['unreliable', high, 1]];
    return meter(p, zones, ['reliable', 'uncertain ' + low + '\u2013' + high, 'unreliable'], {
      labelledBy: 'verdict-line',
      valueText: label + ', ' + Math.round(p * 100) + '% likely unreliable',
    });
  }

  /**
   * A bar from 0 to 1 cut into coloured zones ([name, from, to], class meter-zone-<name>) with
   * the probability `p` as a marker, and the words of `scale` spread under it.
   */
  function meter(p, zones, scale, aria) {
    const wrap = el('div', 'meter');
    const bar = el('div', 'meter-bar');
    bar.setAttribute('role', 'meter');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '1');
    bar.setAttribute('aria-valuenow', p.toFixed(2));
    bar.setAttribute('aria-valuetext', aria.valueText);
    bar.setAttribute('aria-labelledby', aria.labelledBy);
    for (const [name, from, to] of zones) {
      const zone = el('div', 'meter-zone meter-zone-' + name);
      zone.style.width = ((to - from) * 100).toFixed(2) + '%';
      bar.appendChild(zone);
    }
    const marker = el('div', 'meter-marker');
    marker.style.left = (p * 100).toFixed(2) + '%';
    bar.appendChild(marker);
    wrap.appendChild(bar);
    const words = el('div', 'meter-scale');
    words.setAttribute('aria-hidden', 'true');
    for (const word of scale) words.appendChild(el('span', null, word));
    wrap.appendChild(words);
    return wrap;
  }

  // ---- The headline's clickbait score (its own model, apart from the verdict) -------------

  function renderHeadline(report) {
    const box = byId('headline-assessment');
    clear(box);
    const h = report.headline;
    if (!h) {
      box.appendChild(el('p', 'hint headline-none', detectorOff(report, /clickbait/i)
        ? 'Not scored: the clickbait model is off (see Warnings).'
        : 'Not scored: no headline was found.'));
      return;
    }
    const p = Math.max(0, Math.min(1, Number(h.clickbait_probability)));
    const line = el('p', 'clickbait-line ' + (p >= 0.5 ? 'is-clickbait' : 'is-plain'));
    line.id = 'clickbait-line';
    line.appendChild(el('span', 'clickbait-label', p >= 0.5 ? 'Reads as clickbait' : 'Reads as a plain headline'));
    const number = el('span', 'clickbait-probability', formatNumber(p, 2));
    number.id = 'clickbait-probability';
    line.appendChild(number);
    box.appendChild(line);
    const title = h.span && typeof h.span.text === 'string' ? h.span.text : (report.article && report.article.given_title);
    if (title) {
      const quote = el('p', 'headline-quote');
      quote.appendChild(el('q', null, title));
      box.appendChild(quote);
    }
    box.appendChild(meter(p, [['plain', 0, 0.5], ['clickbait', 0.5, 1]], ['plain', 'clickbait'], {
      labelledBy: 'clickbait-line',
      valueText: Math.round(p * 100) + '% likely clickbait',
    }));
    box.appendChild(el('p', 'hint', 'Probability the headline is clickbait, from its words alone: ' + Math.round(p * 100) +
      '%. A separate model: it says how the headline is written, not whether the article is reliable.'));
    if ((h.top_features || []).length) box.appendChild(headlineFeatures(h.top_features));
  }

  /** The headline words that moved the clickbait score, as signed chips, largest first. */
  function headlineFeatures(features) {
    const wrap = el('div', 'headline-features');
    wrap.appendChild(el('p', 'headline-features-title', 'Words that moved it (+ towards clickbait, \u2212 away from it)'));
    const list = el('ul', 'chip-list');
    for (const f of features) {
      const c = Number(f.contribution);
      const chip = el('li', 'chip ' + (c >= 0 ? 'chip-up' : 'chip-down'));
      chip.appendChild(el('span', 'chip-name', '\u201c' + f.name + '\u201d'));
      chip.appendChild(el('span', 'chip-value', formatSigned(c)));
      chip.appendChild(el('span', 'visually-hidden', c >= 0 ? ' towards clickbait' : ' away from clickbait'));
      list.appendChild(chip);
    }
    wrap.appendChild(list);
    return wrap;
  }

  function addMeta(list, term, value) {
    if (value === null || value === undefined || value === '') return;
    list.appendChild(el('dt', null, term));
    const dd = el('dd');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    list.appendChild(dd);
  }

  function renderArticleMeta(report) {
    const list = byId('article-meta');
    clear(list);
    const a = report.article || {};
    const page = report.page || {};
    const spanText = (s) => (s && typeof s.text === 'string' ? s.text : null);
    addMeta(list, 'Headline', spanText(a.headline) || page.title || a.given_title);
    addMeta(list, 'Standfirst', spanText(a.standfirst));
    addMeta(list, 'Byline', spanText(a.byline) || (page.authors && page.authors.length ? page.authors.join(', ') : null));
    addMeta(list, 'Date', spanText(a.date) || page.published);
    addMeta(list, 'Site', page.site_name);
    if (page.canonical_url) addMeta(list, 'Canonical URL', externalLink(page.canonical_url));
    if (report.input && report.input.url) addMeta(list, 'URL', externalLink(report.input.url));
    if (report.structure && report.structure.counts) {
      const c = report.structure.counts;
      addMeta(list, 'Length', c.words + ' words, ' + c.sentences + ' sentences, ' + c.paragraphs + ' paragraphs');
    }
    list.hidden = !list.firstChild;
  }

  function renderSite(site) {
    const card = byId('site-card');
    const box = byId('site');
    clear(box);
    if (!site) { card.hidden = true; return; }
    card.hidden = false;
    const raters = site.raters || [];
    const summary = el('p', 'site-summary');
    summary.appendChild(el('strong', null, site.domain));
    summary.appendChild(document.createTextNode(': '));
    const consensus = site.consensus || 'no consensus';
    summary.appendChild(el('span', 'rating rating-' + ratingClass(site.consensus), consensus));
    summary.appendChild(document.createTextNode(' \u2014 ' + raterCount(site) + '.'));
    box.appendChild(summary);
    const votes = el('ul', 'site-raters');
    for (const v of raters) votes.appendChild(raterVote(site, v));
    if (votes.firstChild) box.appendChild(votes);
    box.appendChild(el('p', 'hint',
      'From published source lists; several lists are snapshots of one rater, so each rater votes once, ' +
      'with its newest list. Shown beside the verdict, never part of it.'));
    const names = new Map(raters.map((v) => [v.rater, v.name]));
    const rows = (site.ratings || []).map((r) => [
      names.get(r.rater) || r.rater || '\u2014', r.list, r.date, ratingBadge(r.rating), r.factuality || '\u2014',
      r.bias || '\u2014', r.detail || '',
    ]);
    box.appendChild(table('Ratings of ' + site.domain,
      ['Rater', 'List', 'Date', 'Rating', 'Factuality', 'Bias', 'Detail'], rows));
  }

  /** "2 of 2 independent raters say unreliable", as the text report says it. */
  function raterCount(site) {
    if (!site.raters_rated) return 'no rater gives a rating';
    const count = site.raters_unreliable + ' of ' + site.raters_rated;
    return site.raters_rated === 1 ? count + ' rater says unreliable' : count + ' independent raters say unreliable';
  }

  /**
   * One rater's vote: "Media Bias/Fact Check in 4 snapshots 2018\u20132026: unreliable", with the
   * other ratings its older snapshots gave, as the text report says it.
   */
  function raterVote(site, v) {
    const first = (v.first_date || '').slice(0, 4);
    const last = (v.last_date || '').slice(0, 4);
    const item = el('li');
    let when = v.snapshots > 1 ? ' in ' + v.snapshots + ' snapshots ' : ' ';
    when += first === last ? first : first + '\u2013' + last;
    item.appendChild(el('strong', null, v.name));
    item.appendChild(document.createTextNode(when + ': '));
    item.appendChild(ratingBadge(v.rating));
    const others = [];
    for (const r of site.ratings || []) {
      if (r.rater === v.rater && r.rating && r.rating !== v.rating && !others.includes(r.rating)) others.push(r.rating);
    }
    if (others.length) {
      item.appendChild(document.createTextNode(' (earlier: ' + others.join(', ') + ')'));
    }
    return item;
  }

  function ratingClass(rating) {
    return ['reliable', 'mixed', 'unreliable', 'satire'].includes(rating) ? rating : 'none';
  }

  function ratingBadge(rating) {
    return el('span', 'rating rating-' + ratingClass(rating), rating || 'unrated');
  }

  /** A table in its own scrolling box; cells are strings or nodes. */
  function table(caption, headers, rows) {
    const wrap = el('div', 'table-wrap');
    wrap.tabIndex = 0; // so the box can be scrolled with the keyboard
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', caption);
    const t = el('table', 'data-table');
    t.appendChild(el('caption', 'visually-hidden', caption));
    const head = el('thead');
    const headRow = el('tr');
    for (const h of headers) {
      const th = el('th', null, h);
      th.scope = 'col';
      headRow.appendChild(th);
    }
    head.appendChild(headRow);
    t.appendChild(head);
    const body = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      for (const cell of row) {
        const td = el('td');
        if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? '' : String(cell);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  // ---- The explanation (the verdict's reasons) -------------------------------------------

  function renderExplanation(verdict) {
    const box = byId('explanation');
    clear(box);
    if (!verdict) {
      box.appendChild(el('p', 'hint', 'No model loaded, so there is no score to explain.'));
      return;
    }
    if (verdict.label === 'insufficient') {
      box.appendChild(el('p', 'hint', 'Not enough to judge, so there is no score to explain: ' +
        String(verdict.insufficient_reason || '')));
      return;
    }
    box.appendChild(el('p', 'hint',
      'What moved the probability most, from the article\u2019s text alone, largest first: each figure is how much ' +
      'higher (red) or lower (blue) the probability is for it. \u201cShow\u201d outlines where it is in the article.'));
    const reasons = verdict.reasons || [];
    const largest = Math.max(0.0001, ...reasons.map((r) => Math.abs(r.effect)));
    const list = el('ol', 'feature-list');
    reasons.forEach((reason, i) => list.appendChild(reasonRow(reason, i, largest)));
    box.appendChild(list);
    const covered = reasons.reduce((n, r) => n + (r.features || []).length, 0);
    const start = 1 / (1 + Math.exp(-Number(verdict.bias)));
    box.appendChild(el('p', 'feature-sums', 'The model starts every article at ' + formatNumber(start, 2) +
      '; these and ' + Math.max(0, (verdict.feature_count || 0) - covered) + ' smaller contributions bring it to ' +
      formatNumber(verdict.probability_unreliable, 2) + '.'));
  }

  function reasonRow(reason, i, largest) {
    const e = Number(reason.effect);
    const adjustment = reason.role === 'adjustment';
    const item = el('li', 'feature ' + (adjustment ? 'feature-adjust' : e >= 0 ? 'feature-up' : 'feature-down'));
    const text = (adjustment ? '(adjustment) ' : '') + String(reason.text);
    item.appendChild(el('span', 'feature-name', text));
    const bar = el('span', 'feature-bar');
    bar.setAttribute('aria-hidden', 'true');
    const fill = el('span', 'feature-fill');
    fill.style.width = (Math.abs(e) / largest * 50).toFixed(1) + '%';
    bar.appendChild(fill);
    item.appendChild(bar);
    const value = el('span', 'feature-value', formatSigned(e));
    value.title = 'change in the probability of unreliable';
    item.appendChild(value);
    item.appendChild(el('span', 'visually-hidden', e >= 0 ? ' raises the probability of unreliable' : ' lowers it'));
    const spans = reason.spans || [];
    if (spans.length) {
      const show = el('button', 'button-small', 'Show');
      show.type = 'button';
      show.setAttribute('aria-pressed', 'false');
      show.setAttribute('aria-label', 'Show in the article (' + spans.length + '): ' + text);
      show.dataset.feature = String(i);
      show.addEventListener('click', () => toggleFeature(show, spans));
      item.appendChild(show);
    } else {
      item.appendChild(el('span', 'button-small-placeholder'));
    }
    return item;
  }

  function toggleFeature(button, spans) {
    const on = button.getAttribute('aria-pressed') !== 'true';
    for (const b of document.querySelectorAll('.feature-list button[aria-pressed]')) b.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    state.featureSpans = on ? spans : null;
    renderArticle();
    if (on) {
      const first = document.querySelector('#article-text .feature-hit');
      if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      setStatus('Outlined ' + spans.length + (spans.length === 1 ? ' place' : ' places') + ' in the article.');
    } else {
      setStatus('Outline cleared.');
    }
  }

  // ---- Legend: the cue kinds, their strengths and on/off switches -------------------------

  function renderLegend(report) {
    const list = byId('legend-list');
    clear(list);
    const cues = legendCues(report);
    for (const cue of cues) list.appendChild(legendItem(cue, report));
    list.appendChild(claimsLegendItem(report));
    if (!cues.length) list.insertBefore(el('li', 'hint', 'No cues found.'), list.firstChild);
  }

  /**
   * The report's cues, plus a switched-off "Propaganda techniques" entry when the report has
   * none, so the legend always says whether that detector found nothing or was off.
   */
  function legendCues(report) {
    const cues = (report.cues || []).slice();
    if (!cues.some((c) => c.id === TECHNIQUE_CUE)) {
      const techniques = report.techniques || [];
      cues.push({
        id: TECHNIQUE_CUE, description: '', strength: null, detail: '', evidence: techniques,
        none: detectorOff(report, /propaganda/i) ? 'detector off' : 'none found',
      });
    }
    return cues;
  }

  function legendItem(cue, report) {
    const item = el('li', 'legend-item');
    const count = (cue.evidence || []).length;
    const id = 'cue-toggle-' + cue.id;
    const input = el('input');
    input.type = 'checkbox';
    input.id = id;
    input.checked = true;
    input.disabled = count === 0;
    input.addEventListener('change', () => {
      if (input.checked) state.hiddenCues.delete(cue.id); else state.hiddenCues.add(cue.id);
      renderArticle();
    });
    const label = el('label', 'legend-label');
    label.htmlFor = id;
    label.appendChild(el('span', 'swatch ' + cueClass(cue.id)));
    label.appendChild(el('span', 'legend-name', humanise(cue.id, CUE_NAMES)));
    label.appendChild(el('span', 'legend-count', count ? String(count) : cue.none || 'no spans'));
    item.appendChild(input);
    item.appendChild(label);
    if (typeof cue.strength === 'number') {
      const strength = el('span', 'strength');
      strength.setAttribute('aria-hidden', 'true');
      const fill = el('span', 'strength-fill ' + cueClass(cue.id));
      fill.style.width = (Math.max(0, Math.min(1, cue.strength)) * 100).toFixed(0) + '%';
      strength.appendChild(fill);
      item.appendChild(strength);
      item.appendChild(el('span', 'legend-detail',
        'strength ' + formatNumber(cue.strength, 2) + (cue.detail ? ' \u00b7 ' + cue.detail : '')));
    }
    if (cue.id === TECHNIQUE_CUE && (report.techniques || []).length) item.appendChild(familyKey(report.techniques));
    return item;
  }

  /** Under the techniques' entry: the colour of each technique family found, with its count. */
  function familyKey(techniques) {
    const counts = new Map();
    for (const t of techniques) {
      const family = techniqueFamily(t.technique);
      counts.set(family, (counts.get(family) || 0) + 1);
    }
    const keys = TECHNIQUE_FAMILIES.map((f) => f[0]).concat('other').filter((k) => counts.has(k));
    const list = el('ul', 'family-key');
    list.setAttribute('aria-label', 'Technique families');
    for (const key of keys) {
      const item = el('li', 'family-key-item');
      item.appendChild(el('span', 'swatch tq-swatch tq-' + key));
      item.appendChild(el('span', null, familyName(key) + ' ' + counts.get(key)));
      list.appendChild(item);
    }
    return list;
  }

  /** The switch of the claims' underline, last in the legend (the claims card lists them). */
  function claimsLegendItem(report) {
    const claims = report.claims || [];
    const item = el('li', 'legend-item');
    const input = el('input');
    input.type = 'checkbox';
    input.id = 'claims-toggle';
    input.checked = state.showClaims;
    input.disabled = claims.length === 0;
    input.addEventListener('change', () => {
      state.showClaims = input.checked;
      renderArticle();
    });
    const label = el('label', 'legend-label');
    label.htmlFor = input.id;
    label.appendChild(el('span', 'swatch claim-swatch'));
    label.appendChild(el('span', 'legend-name', 'Check-worthy claims'));
    const none = detectorOff(report, /claim/i) ? 'detector off' : 'none found';
    label.appendChild(el('span', 'legend-count', claims.length ? String(claims.length) : none));
    item.appendChild(input);
    item.appendChild(label);
    item.appendChild(el('span', 'legend-detail', 'dotted underline; ranked in \u201cCheck-worthy claims\u201d below'));
    return item;
  }

  // ---- The article text with its highlights ----------------------------------------------

  /** Every marked range of the text, as UTF-16 ranges with what they mean. */
  function collectLayers(report, index) {
    const layers = [];
    const techniques = report.techniques || [];
    for (const cue of report.cues || []) {
      if (state.hiddenCues.has(cue.id)) continue;
      if (cue.id === TECHNIQUE_CUE && techniques.length) continue; // drawn from techniques below
      for (const span of cue.evidence || []) {
        layers.push({ type: 'cue', cue, span, ...index.range(span) });
      }
    }
    if (!state.hiddenCues.has(TECHNIQUE_CUE)) {
      techniques.forEach((t, i) => layers.push({ type: 'technique', technique: t, number: i, ...index.range(t) }));
    }
    if (state.showClaims) {
      (report.claims || []).forEach((c, i) => layers.push({ type: 'claim', claim: c, number: i, ...index.range(c) }));
    }
    for (const block of report.removed || []) {
      layers.push({ type: 'removed', block, ...index.range(block) });
    }
    const headline = report.article && report.article.headline;
    if (headline) layers.push({ type: 'headline', ...index.range(headline) });
    for (const span of state.featureSpans || []) layers.push({ type: 'feature', ...index.range(span) });
    return layers.filter((l) => l.to > l.from);
  }

  /** Cuts the text at every layer edge; each piece lists the layers covering all of it. */
  function segment(textLength, layers) {
    const cuts = new Set([0, textLength]);
    for (const l of layers) { cuts.add(l.from); cuts.add(l.to); }
    const points = [...cuts].filter((x) => x >= 0 && x <= textLength).sort((a, b) => a - b);
    const pieces = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const from = points[k];
      const to = points[k + 1];
      if (to <= from) continue;
      pieces.push({ from, to, layers: layers.filter((l) => l.from <= from && l.to >= to) });
    }
    return pieces;
  }

  function cueReason(cue) {
    return humanise(cue.id, CUE_NAMES) + ': ' + (cue.description || '') +
      ' (strength ' + formatNumber(cue.strength, 2) + (cue.detail ? '; ' + cue.detail : '') + ')';
  }

  function techniqueDetail(t) {
    return 'probability ' + formatNumber(t.probability, 2) + ' given the passage is propaganda \u00b7 passage ' +
      formatNumber(t.span_probability, 2) + ' likely propaganda \u00b7 ' + familyName(techniqueFamily(t.technique)).toLowerCase();
  }

  function techniqueReason(t) {
    return 'Propaganda technique: ' + techniqueName(t) + ' (' + techniqueDetail(t) + ')';
  }

  function claimDetail(c) {
    return 'probability ' + formatNumber(c.probability, 2) + ' that a fact-checker would want to check it';
  }

  function claimReason(c, number) {
    return 'Check-worthy claim ' + (number + 1) + ' (' + claimDetail(c) + ')';
  }

  /** What a piece's layers say, one {key, text} per cue, technique passage and claim. */
  function reasonsOf(layers) {
    const reasons = [];
    const add = (key, text) => { if (!reasons.some((r) => r.key === key)) reasons.push({ key, text }); };
    for (const l of layers) {
      if (l.type === 'cue') add('cue:' + l.cue.id, cueReason(l.cue));
      else if (l.type === 'technique') add('technique:' + l.number, techniqueReason(l.technique));
      else if (l.type === 'claim') add('claim:' + l.number, claimReason(l.claim, l.number));
    }
    return reasons;
  }

  /** One hidden description per set of reasons, for aria-describedby of the highlights. */
  function describedBy(reasons, registry) {
    const key = reasons.map((r) => r.key).join(' ');
    if (!registry.has(key)) {
      const node = el('div', null, reasons.map((r) => r.text).join(' \u2022 '));
      node.id = 'cue-reason-' + registry.size;
      byId('cue-descriptions').appendChild(node);
      registry.set(key, node.id);
    }
    return registry.get(key);
  }

  function renderArticle() {
    const box = byId('article-text');
    clear(box);
    clear(byId('cue-descriptions'));
    hideTooltip();
    const report = state.report;
    const index = state.index;
    if (!report || !index) return;
    const text = index.text;
    const registry = new Map();
    for (const piece of segment(text.length, collectLayers(report, index))) {
      box.appendChild(renderPiece(text.slice(piece.from, piece.to), piece.layers, registry));
    }
  }

  function renderPiece(text, layers, registry) {
    const marking = layers.filter((l) => l.type === 'cue' || l.type === 'technique');
    const claims = layers.filter((l) => l.type === 'claim');
    const classes = [];
    const removed = layers.find((l) => l.type === 'removed');
    if (removed) classes.push('leftover');
    if (layers.some((l) => l.type === 'headline')) classes.push('headline-text');
    if (layers.some((l) => l.type === 'feature')) classes.push('feature-hit');
    if (claims.length) classes.push('claim');
    if (!marking.length && !claims.length) {
      if (!classes.length) return document.createTextNode(text);
      const span = el('span', classes.join(' '), text);
      if (removed) span.title = 'Removed as page leftover: ' + humanise(removed.block.category, REMOVED_CATEGORY_NAMES);
      return span;
    }
    // A claim alone is underlined but no tab stop (the claims card jumps to it); a cue or
    // technique makes the piece a focusable highlight.
    const node = marking.length ? highlight(text, marking, classes) : el('span', classes.join(' '), text);
    if (!marking.length) node.tabIndex = -1;
    if (claims.length) node.dataset.claims = claims.map((l) => l.number).join(' ');
    node.setAttribute('aria-describedby', describedBy(reasonsOf(layers), registry));
    return node;
  }

  /**
   * A <mark> over a piece with cue evidence and/or a technique passage: the first cue gives
   * the background, a technique its family's thick underline (a tint when no cue is there).
   */
  function highlight(text, marking, classes) {
    const cues = [];
    const techniques = [];
    for (const l of marking) {
      if (l.type === 'cue' && !cues.includes(l.cue)) cues.push(l.cue);
      if (l.type === 'technique' && !techniques.includes(l)) techniques.push(l);
    }
    const colour = cues.length ? [cueClass(cues[0].id)] : ['tq-only'];
    if (techniques.length) colour.push('tq', 'tq-' + techniqueFamily(techniques[0].technique.technique));
    const mark = el('mark', ['hl'].concat(colour, classes).join(' '), text);
    if (cues.length > 1) {
      mark.classList.add('hl-multi');
      mark.style.setProperty('--hl-second', 'var(--' + cueClass(cues[1].id) + ')');
    }
    mark.tabIndex = 0;
    mark.dataset.cues = cues.map((c) => c.id).join(' ');
    mark.dataset.techniques = techniques.map((l) => l.technique.technique).join(' ');
    mark.dataset.techniqueNumbers = techniques.map((l) => l.number).join(' ');
    // Keys as the report's cues list evidence: a technique passage is propaganda_techniques evidence.
    mark.dataset.spans = marking.map((l) => (l.type === 'cue' ? l.cue.id + ':' + l.span.start + '-' + l.span.end
      : TECHNIQUE_CUE + ':' + l.technique.start + '-' + l.technique.end)).join(' ');
    return mark;
  }

  // ---- The tooltip shown on hover and keyboard focus --------------------------------------

  /** Numbers listed in a data attribute ("0 3"), as numbers. */
  function numbersOf(value) {
    return (value || '').split(' ').filter(Boolean).map(Number);
  }

  function showTooltip(mark) {
    const tip = byId('cue-tooltip');
    const report = state.report;
    if (!report) return;
    clear(tip);
    const ids = (mark.dataset.cues || '').split(' ');
    for (const cue of report.cues || []) {
      if (!ids.includes(cue.id)) continue;
      tip.appendChild(tipRow('swatch ' + cueClass(cue.id), humanise(cue.id, CUE_NAMES), ' \u2014 ' + (cue.description || ''),
        'strength ' + formatNumber(cue.strength, 2) + (cue.detail ? ' \u00b7 ' + cue.detail : '')));
    }
    for (const i of numbersOf(mark.dataset.techniqueNumbers)) {
      const t = (report.techniques || [])[i];
      if (!t) continue;
      tip.appendChild(tipRow('swatch tq-swatch tq-' + techniqueFamily(t.technique), techniqueName(t),
        ' \u2014 a propaganda technique', techniqueDetail(t)));
    }
    for (const i of numbersOf(mark.dataset.claims)) {
      const c = (report.claims || [])[i];
      if (!c) continue;
      tip.appendChild(tipRow('swatch claim-swatch', 'Check-worthy claim ' + (i + 1), ' \u2014 worth fact-checking', claimDetail(c)));
    }
    tip.hidden = false;
    placeTooltip(tip, mark);
  }

  /** One row of the tooltip: a swatch, the name in bold, what it means and a smaller detail line. */
  function tipRow(swatchClass, name, meaning, detail) {
    const row = el('div', 'tip-row');
    row.appendChild(el('span', swatchClass));
    const words = el('span', 'tip-text');
    words.appendChild(el('strong', null, name));
    words.appendChild(document.createTextNode(meaning));
    words.appendChild(el('span', 'tip-detail', detail));
    row.appendChild(words);
    return row;
  }

  /** Puts the tooltip under the highlight (above if there is no room), inside the viewport. */
  function placeTooltip(tip, mark) {
    const rects = mark.getClientRects();
    const r = rects.length ? rects[0] : mark.getBoundingClientRect();
    const margin = 8;
    const viewport = document.documentElement.clientWidth;
    tip.style.maxWidth = Math.min(360, viewport - 2 * margin) + 'px';
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    let left = Math.max(margin, Math.min(r.left, viewport - width - margin));
    let top = r.bottom + 6;
    if (top + height > window.innerHeight - margin && r.top - height - 6 > margin) top = r.top - height - 6;
    tip.style.left = (left + window.scrollX) + 'px';
    tip.style.top = (top + window.scrollY) + 'px';
  }

  function hideTooltip() {
    const tip = byId('cue-tooltip');
    if (tip) tip.hidden = true;
  }

  function wireTooltip() {
    const box = byId('article-text');
    const markOf = (target) => (target instanceof Element ? target.closest('mark.hl, .claim') : null);
    box.addEventListener('focusin', (e) => { const m = markOf(e.target); if (m) showTooltip(m); });
    box.addEventListener('focusout', hideTooltip);
    box.addEventListener('mouseover', (e) => { const m = markOf(e.target); if (m) showTooltip(m); });
    box.addEventListener('mouseout', (e) => {
      const m = markOf(e.target);
      if (m && !m.contains(e.relatedTarget) && document.activeElement !== m) hideTooltip();
    });
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTooltip(); });
    window.addEventListener('resize', hideTooltip);
  }

  // ---- Check-worthy claims: ranked in their card, underlined in the article ---------------

  function renderClaims(report) {
    const box = byId('claims');
    clear(box);
    const claims = report.claims || [];
    if (!claims.length) {
      box.appendChild(el('p', 'hint claims-none', detectorOff(report, /claim/i)
        ? 'Not checked: the check-worthy-claims model is off (see Warnings).'
        : 'No sentence reads as a claim worth fact-checking.'));
      return;
    }
    box.appendChild(el('p', 'hint',
      'Sentences stating facts a fact-checker would most want to check, most check-worthy first. ' +
      'They are underlined (dotted) in the article; \u201cShow\u201d jumps to one.'));
    const list = el('ol', 'claim-list');
    claims.forEach((claim, i) => list.appendChild(claimItem(claim, i)));
    box.appendChild(list);
  }

  function claimItem(claim, i) {
    const p = Math.max(0, Math.min(1, Number(claim.probability)));
    const item = el('li', 'claim-item');
    item.appendChild(el('q', 'claim-text', claim.text));
    const score = el('span', 'claim-score');
    score.appendChild(el('span', 'visually-hidden', 'check-worthiness '));
    score.appendChild(el('span', 'claim-probability', formatNumber(p, 2)));
    const bar = el('span', 'claim-bar');
    bar.setAttribute('aria-hidden', 'true');
    const fill = el('span', 'claim-fill');
    fill.style.width = (p * 100).toFixed(0) + '%';
    bar.appendChild(fill);
    score.appendChild(bar);
    item.appendChild(score);
    const show = el('button', 'button-small', 'Show');
    show.type = 'button';
    show.setAttribute('aria-label', 'Show claim ' + (i + 1) + ' in the article');
    show.addEventListener('click', () => jumpToClaim(i));
    item.appendChild(show);
    if ((claim.fact_checks || []).length) {
      item.appendChild(el('span', 'claim-checked', 'similar claim fact-checked: see \u201cAlready fact-checked?\u201d'));
    }
    return item;
  }

  /** "PolitiFact rated a similar statement False, 2016"; "Snopes checked a similar claim". */
  function factCheckSentence(m) {
    const who = m.publisher || 'A fact-checker';
    const when = m.date ? ', ' + String(m.date).slice(0, 4) : '';
    if (!m.verdict) return who + ' checked a similar claim' + when + ' (no verdict in this collection)';
    return who + ' rated a similar ' + (m.publisher === 'PolitiFact' ? 'statement' : 'claim') + ' ' + m.verdict + when;
  }

  /** The fact-checks of claims like the article's, or why none were searched. */
  function renderFactChecks(report) {
    const box = byId('factchecks');
    clear(box);
    const fc = report.fact_checks || {searched: false, note: 'this report has no fact_checks section', matches: []};
    if (!fc.searched) {
      box.appendChild(el('p', 'hint factchecks-none', 'Not searched: ' + (fc.note || 'no fact-check index')));
      return;
    }
    const matches = fc.matches || [];
    if (!matches.length) {
      box.appendChild(el('p', 'hint factchecks-none',
        'No claim like the headline\u2019s or the check-worthy sentences\u2019 among ' + fc.index_size + ' published fact-checks.'));
      return;
    }
    box.appendChild(el('p', 'hint',
      'Published fact-checks of claims like the article\u2019s (match score ' + formatNumber(fc.min_score, 2) +
      ' or more, best first). A match is similar wording, not proof that the article repeats the claim: read both.'));
    const list = el('ol', 'factcheck-list');
    matches.forEach((m) => {
      const item = el('li', 'factcheck-item');
      const falsish = typeof m.falsity === 'number' && m.falsity >= 0.75;
      item.appendChild(el('p', 'factcheck-verdict' + (falsish ? ' factcheck-false' : ''), factCheckSentence(m)));
      item.appendChild(el('q', 'factcheck-claim', m.claim));
      if (m.title) item.appendChild(el('p', 'factcheck-title', 'Headline: ' + m.title));
      const here = el('p', 'factcheck-passage');
      here.appendChild(document.createTextNode('In this article: '));
      here.appendChild(el('q', null, m.passage ? m.passage.text : ''));
      item.appendChild(here);
      const meta = el('p', 'factcheck-meta', 'match score ' + formatNumber(m.score, 2) + ' \u00b7 ' +
        Math.round(100 * (m.words_shared || 0)) + '% of its words here');
      if (m.url && /^https?:\/\//i.test(m.url)) {
        meta.appendChild(document.createTextNode(' \u00b7 '));
        const link = el('a', null, 'read the fact-check');
        link.href = m.url;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        meta.appendChild(link);
      }
      item.appendChild(meta);
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  /** Scrolls to claim `number` in the article and focuses it, so its reason shows. */
  function jumpToClaim(number) {
    if (!state.showClaims) {
      state.showClaims = true;
      byId('claims-toggle').checked = true;
      renderArticle();
    }
    const pieces = Array.from(document.querySelectorAll('#article-text [data-claims]'))
      .filter((n) => numbersOf(n.dataset.claims).includes(number));
    for (const old of document.querySelectorAll('#article-text .claim-current')) old.classList.remove('claim-current');
    if (!pieces.length) {
      setStatus('Claim ' + (number + 1) + ' is not in the article text shown.');
      return;
    }
    for (const piece of pieces) piece.classList.add('claim-current');
    pieces[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    pieces[0].focus({ preventScroll: true });
    setStatus('Claim ' + (number + 1) + ' is marked in the article.');
  }

  // ---- Attributions, leftovers, warnings -------------------------------------------------

  function renderAttributions(attributions) {
    const box = byId('attributions');
    clear(box);
    if (!attributions.length) {
      box.appendChild(el('p', 'hint', 'No reporting phrases found ("… said", "according to …").'));
      return;
    }
    const rows = attributions.map((a) => [
      el('q', 'phrase', a.text),
      a.source ? a.source.text : el('span', 'muted', 'no source named'),
      el('span', 'kind ' + knownClass('kind-', a.source_kind, SOURCE_KIND_NAMES), humanise(a.source_kind, SOURCE_KIND_NAMES)),
      a.outlet || el('span', 'muted', '\u2014'),
      a.link ? externalLink(a.link) : el('span', 'muted', '\u2014'),
    ]);
    box.appendChild(table('Attributions', ['Phrase', 'Source', 'Kind', 'Outlet', 'Link'], rows));
  }

  function widgetNumbers(widget) {
    const parts = [];
    for (const [key, name] of WIDGET_NUMBER_NAMES) {
      if (widget && typeof widget[key] === 'number') parts.push(widget[key] + ' ' + name);
    }
    return parts;
  }

  function renderRemoved(removed) {
    const box = byId('removed');
    clear(box);
    if (!removed.length) {
      box.appendChild(el('p', 'hint', 'Nothing was removed: the whole input was taken as the article.'));
      return;
    }
    box.appendChild(el('p', 'hint',
      removed.length + ' blocks were judged not to be article text and left out of the analysis.'));
    const groups = new Map();
    for (const block of removed) {
      if (!groups.has(block.category)) groups.set(block.category, []);
      groups.get(block.category).push(block);
    }
    for (const [category, blocks] of groups) box.appendChild(removedGroup(category, blocks));
  }

  function removedGroup(category, blocks) {
    const details = el('details', 'removed-group');
    const summary = el('summary');
    summary.appendChild(el('span', 'removed-name', humanise(category, REMOVED_CATEGORY_NAMES)));
    summary.appendChild(el('span', 'count-badge', String(blocks.length)));
    const numbers = [].concat(...blocks.map((b) => widgetNumbers(b.widget)));
    if (numbers.length) summary.appendChild(el('span', 'widget-numbers', numbers.join(' \u00b7 ')));
    details.appendChild(summary);
    const list = el('ul', 'removed-list');
    for (const block of blocks) {
      const item = el('li');
      item.appendChild(el('span', 'removed-text', block.text));
      const nums = widgetNumbers(block.widget);
      if (nums.length) item.appendChild(el('span', 'widget-numbers', nums.join(' \u00b7 ')));
      item.appendChild(el('span', 'removed-rule', 'rule: ' + block.rule));
      list.appendChild(item);
    }
    details.appendChild(list);
    return details;
  }

  /** The report's warnings, plus one if the offsets cannot fit the text shown (should not happen). */
  function pageWarnings(report, index) {
    const warnings = (report.warnings || []).slice();
    if (!report.page && report.input && report.input.bytes !== index.byteLength) {
      warnings.push('The server analyzed ' + report.input.bytes + ' bytes but the page holds ' + index.byteLength +
        '; highlights may be misplaced.');
    }
    return warnings;
  }

  function renderWarnings(warnings) {
    const card = byId('warnings-card');
    const list = byId('warnings');
    clear(list);
    card.hidden = !warnings.length;
    for (const w of warnings) list.appendChild(el('li', null, w));
  }

  function renderFooter(report) {
    const parts = ['report schema ' + report.schema_version, 'credence ' + report.credence_version];
    if (report.verdict && report.verdict.model) parts.push('model ' + report.verdict.model);
    if (report.input) parts.push(report.input.bytes.toLocaleString() + ' bytes analyzed');
    byId('report-footer').textContent = parts.join(' \u00b7 ');
  }

  // ---- Wiring the form -------------------------------------------------------------------

  function wireForm() {
    const form = byId('analyze-form');
    const textarea = byId('article-input');
    form.addEventListener('submit', (e) => { e.preventDefault(); analyze(); });
    textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); analyze(); }
    });
    byId('file-input').addEventListener('change', (e) => readFile(e.target.files && e.target.files[0]));
    byId('clear-button').addEventListener('click', () => {
      form.reset();
      hideError();
      setStatus('Cleared.');
      textarea.focus();
    });
    wireDrop(textarea);
  }

  /** Dropping a file on the textarea loads it; dropping elsewhere must not open the file. */
  function wireDrop(textarea) {
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
    window.addEventListener('drop', (e) => { if (hasFiles(e)) e.preventDefault(); });
    textarea.addEventListener('dragenter', (e) => { if (hasFiles(e)) textarea.classList.add('is-dragging'); });
    textarea.addEventListener('dragleave', () => textarea.classList.remove('is-dragging'));
    textarea.addEventListener('drop', (e) => {
      textarea.classList.remove('is-dragging');
      if (!hasFiles(e)) return;
      e.preventDefault();
      readFile(e.dataTransfer.files[0]);
    });
  }

  wireForm();
  wireTooltip();
  // Exposed for the browser test only (tests/browser/page_test.mjs).
  window.credencePage = { ByteIndex };
})();

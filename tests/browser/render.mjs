// Opens each HTML report in Debian's Chromium (through playwright-core) and
// checks it: the page loads from a file with no network request at all, no
// console error and no page error, no script runs (a hostile article sets
// window.pwned when any of its script ran), the claims are there, the studies
// link to PubMed or doi.org and nowhere else, and a screenshot is taken.
//
//   node render.mjs [--summary] OUT_DIR FILE.html:EXPECTED_CLAIMS [...]
//
// With --summary the pages are evidence summaries: the same checks, but a
// table of outcomes instead of claim cards, summary panel and rubric.
//
// Exit 0 when every page passes; otherwise each failure on stderr, exit 1.
import { chromium } from 'playwright-core';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const summaryMode = argv[0] === '--summary';
if (summaryMode) argv.shift();
const [outDir, ...pages] = argv;
if (!outDir || pages.length === 0) {
  console.error('usage: node render.mjs OUT_DIR FILE.html:EXPECTED_CLAIMS ...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update',
         '--disable-sync'],
});
let failures = 0;
const fail = (page, why) => {
  console.error(`FAIL ${page}: ${why}`);
  failures++;
};

for (const spec of pages) {
  const at = spec.lastIndexOf(':');
  const file = spec.slice(0, at);
  const expected = Number(spec.slice(at + 1));
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const url = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  const facts = await page.evaluate(() => ({
    cards: document.querySelectorAll('article.claim-card').length,
    highlighted: document.querySelectorAll('a.claim').length,
    scripts: document.querySelectorAll('script').length,
    pwned: typeof window.pwned !== 'undefined',
    title: document.title,
    summary: !!document.getElementById('summary'),
    rubric: document.querySelectorAll('table.rubric tbody tr').length,
    tableRows: document.querySelectorAll('table tbody tr').length,
    h1: document.querySelectorAll('h1').length,
    // Links out of the page: each study's PubMed or doi.org page, nothing
    // else, and none loaded unless clicked.
    outLinks: [...document.querySelectorAll('a[href]')]
      .map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') || '' }))
      .filter((l) => !l.href.startsWith('#')),
    evidenceTables: document.querySelectorAll('.claim-card table, ol li').length,
  }));
  // Hover over the first claim: its pop-up shows.
  if (facts.highlighted > 0) {
    await page.hover('a.claim >> nth=0');
    const shown = await page.evaluate(() => {
      const tip = document.querySelector('a.claim .tip');
      return tip && getComputedStyle(tip).display !== 'none';
    });
    if (!shown) fail(file, 'hovering a claim shows no pop-up');
  }
  const shot = `${outDir}/${basename(file, '.html')}.png`;
  await page.screenshot({ path: shot, fullPage: false });
  if (summaryMode) {
    if (facts.h1 !== 1) fail(file, `${facts.h1} h1 headings`);
    if (facts.tableRows < 3) fail(file, `only ${facts.tableRows} table rows`);
  } else {
    if (facts.cards !== expected) fail(file, `${facts.cards} claim cards, expected ${expected}`);
    if (expected > 0 && facts.highlighted === 0) fail(file, 'no claim highlighted in the article');
    if (!facts.summary) fail(file, 'no summary panel');
    if (facts.rubric < 8) fail(file, `rubric has ${facts.rubric} rows`);
  }
  for (const l of facts.outLinks) {
    if (!/^https:\/\/(pubmed\.ncbi\.nlm\.nih\.gov|doi\.org)\//.test(l.href)) {
      fail(file, `a link to somewhere else than PubMed or doi.org: ${l.href}`);
    }
    if (!l.rel.includes('noreferrer')) fail(file, `link without rel=noreferrer: ${l.href}`);
  }
  if (facts.evidenceTables > 0 && facts.outLinks.length === 0) {
    fail(file, 'evidence is listed but no study links to PubMed or doi.org');
  }
  if (facts.scripts !== 0) fail(file, `${facts.scripts} script elements`);
  if (facts.pwned) fail(file, 'a script from the article ran');
  for (const p of problems) fail(file, p);
  console.log(`${basename(file)}: ${facts.cards} claims, ${facts.highlighted} highlighted sentences, ${facts.outLinks.length} study links, screenshot ${shot}`);
  await context.close();
}
await browser.close();
process.exit(failures ? 1 : 0);

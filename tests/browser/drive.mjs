// Drives Debian's chromium through the DevTools protocol (puppeteer-core) for the browser
// tests and the search benchmark. Reads a job as JSON on stdin, writes the findings as JSON
// on stdout; the Rust tests decide what passes.
//
// Job: { chrome, base, shots?, viewports: [[w, h]…], axe: [{ name, path }…],
//        searches: [{ path, q, viewport? }…], runs?: n }
// Out: { axe: [{ name, path, viewport, violations: [{ id, impact, help, nodes: [html…] }] }],
//        searches: [{ path, q, status, results: [{ title, href, meta }], ms, bytes, files }] }
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const job = JSON.parse(readFileSync(0, 'utf8'));

const browser = await puppeteer.launch({
  executablePath: job.chrome,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
});
const out = { axe: [], searches: [] };
try {
  const page = await browser.newPage();
  for (const [width, height] of job.viewports || []) {
    await page.setViewport({ width, height });
    for (const p of job.axe || []) {
      await page.goto(job.base + p.path, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }));
      const page_facts = await page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        styled: getComputedStyle(document.querySelector('.site-header')).backgroundColor !== 'rgba(0, 0, 0, 0)',
      }));
      out.axe.push({
        name: p.name,
        html: job.html ? page_facts.html : undefined,
        styled: page_facts.styled,
        path: p.path,
        viewport: `${width}x${height}`,
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => n.html),
        })),
      });
      if (job.shots) {
        await page.screenshot({ path: `${job.shots}/${p.name}-${width}.png`, fullPage: true });
      }
    }
  }
  for (const s of job.searches || []) {
    const [width, height] = s.viewport || [390, 844];
    for (let run = 0; run < (job.runs || 1); run++) {
      // A fresh context each run: nothing cached, as for a resident's first search.
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.setViewport({ width, height });
      const url = `${job.base}${s.path}?q=${encodeURIComponent(s.q)}`;
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      // search.js sets aria-busy="false" on the list once the results (or none) are shown.
      await tab.waitForSelector('#search-results[aria-busy="false"]', { timeout: 10000 });
      const found = await tab.evaluate(() => {
        const mark = performance.getEntriesByName('first-result')[0];
        const files = performance.getEntriesByType('resource')
          .filter((r) => r.name.includes('/search/'))
          .map((r) => ({ name: r.name, bytes: r.encodedBodySize }));
        return {
          status: document.getElementById('search-status').textContent,
          results: Array.from(document.querySelectorAll('#search-results li')).map((li) => ({
            title: li.querySelector('a').textContent,
            href: li.querySelector('a').getAttribute('href'),
            meta: li.querySelector('.meta').textContent,
            date: (li.querySelector('time') || { getAttribute: () => '' }).getAttribute('datetime'),
          })),
          ms: mark ? mark.startTime : null,
          ready: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
          files,
        };
      });
      found.bytes = found.files.reduce((a, f) => a + f.bytes, 0);
      out.searches.push({ path: s.path, q: s.q, run, ...found });
      if (job.shots && run === 0 && s.shot) {
        await tab.screenshot({ path: `${job.shots}/${s.shot}.png`, fullPage: true });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));

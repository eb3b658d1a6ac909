// @ts-check
// The Offload Platform Guide webview. Plain JS, no build step, no remote resources.
// Everything from manifests is rendered with textContent / DOM APIs: never innerHTML.
// Messages follow src/extension/webview/protocol.ts.
(function () {
  'use strict';

  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();

  /** @typedef {'report'|'regions'|'versions'|'fargate'} Tab */
  /** @type {{id: Tab, label: string}[]} */
  const TABS = [
    { id: 'report', label: 'Workspace report' },
    { id: 'regions', label: 'Regions' },
    { id: 'versions', label: 'EKS versions' },
    { id: 'fargate', label: 'Fargate sizes' },
  ];
  const PLATFORMS = ['ecs-ec2', 'ecs-fargate', 'eks-ec2', 'eks-fargate'];
  /** @type {Record<string, string>} */
  const PLATFORM_LABEL = { 'ecs-ec2': 'ECS on EC2', 'ecs-fargate': 'ECS on Fargate', 'eks-ec2': 'EKS on EC2', 'eks-fargate': 'EKS on Fargate' };
  /** @type {Record<string, [string, string]>} */
  const FIT = { fits: ['✓', 'fits'], 'needs-changes': ['!', 'needs changes'], blocked: ['✗', 'blocked'] };
  /** @type {Record<string, string>} */
  const SOURCE = { option: 'setting', config: '.offload.yaml', eksctl: 'eksctl config', latest: 'latest' };
  /** @type {Record<string, string>} */
  const STATUS = { standard: 'standard support', extended: 'extended support', 'end-of-life': 'end of support', 'not-yet-released': 'not released yet', unknown: 'unknown' };

  const saved = vscode.getState();
  let state = {
    tab: /** @type {Tab} */ ('report'),
    regionFilter: '',
    onlyTargeted: false,
    /** @type {string|undefined} */ workloadId: undefined,
  };
  if (saved && typeof saved === 'object') mergeState(saved);

  /** @type {any} */
  let payload = null;
  const rendered = { workloads: 0, findings: 0, regions: 0, versions: 0, sizes: 0 };

  // ---------------------------------------------------------------- helpers

  /**
   * Creates an element. `props` sets attributes (strings only) and `on*` listeners;
   * children are nodes or strings (added as text, never parsed).
   * @param {string} tag
   * @param {Record<string, any>} [props]
   * @param {...(Node|string|number|null|undefined|false)} children
   * @returns {HTMLElement}
   */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (k === 'class') el.className = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return el;
  }

  /** @param {number|null|undefined} n @param {number} digits */
  function usd(n, digits) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
    let s = n.toFixed(digits);
    if (digits > 2) s = s.replace(/(\.\d\d\d*?)0+$/, '$1');
    return '$' + s;
  }

  /** @param {number} n */
  function num(n) {
    return String(Math.round(n * 1000) / 1000);
  }

  /** @param {string} file @param {any} range */
  function reveal(file, range) {
    if (typeof file !== 'string' || !range) return;
    vscode.postMessage({ type: 'reveal', file, range });
  }

  /** A button that opens a source location. */
  function locButton(/** @type {string} */ text, /** @type {string} */ file, /** @type {any} */ range, /** @type {string} */ label) {
    return h('button', { class: 'link', type: 'button', title: `Open ${file}:${range.start.line + 1}`, 'aria-label': label, onClick: () => reveal(file, range) }, text);
  }

  /** @param {any} s */
  function mergeState(s) {
    if (TABS.some((t) => t.id === s.tab)) state.tab = s.tab;
    if (typeof s.regionFilter === 'string') state.regionFilter = s.regionFilter.slice(0, 200);
    if (typeof s.onlyTargeted === 'boolean') state.onlyTargeted = s.onlyTargeted;
    if (typeof s.workloadId === 'string') state.workloadId = s.workloadId;
  }

  function saveState() {
    vscode.setState(state);
  }

  function reportState() {
    saveState();
    vscode.postMessage({ type: 'state', state, rendered: { ...rendered } });
  }

  // ---------------------------------------------------------------- skeleton

  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const header = h('header', { class: 'header' });
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Platform Guide sections', class: 'tabs' });
  /** @type {Record<string, HTMLElement>} */
  const panels = {};
  /** @type {Record<string, HTMLElement>} */
  const tabButtons = {};
  for (const t of TABS) {
    const btn = h('button', {
      role: 'tab',
      id: `tab-${t.id}`,
      type: 'button',
      'aria-controls': `panel-${t.id}`,
      'aria-selected': 'false',
      tabindex: '-1',
      onClick: () => selectTab(t.id, true),
    }, t.label);
    btn.addEventListener('keydown', onTabKey);
    tabButtons[t.id] = btn;
    tablist.append(btn);
    panels[t.id] = h('section', { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}`, tabindex: '0', class: 'panel', hidden: true });
  }
  app.replaceChildren(header, tablist, ...TABS.map((t) => panels[t.id]));
  app.setAttribute('aria-busy', 'true');

  /** @param {KeyboardEvent} e */
  function onTabKey(e) {
    const i = TABS.findIndex((t) => t.id === state.tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    selectTab(TABS[next].id, true);
  }

  /** @param {Tab} tab @param {boolean} [focus] */
  function selectTab(tab, focus) {
    if (!TABS.some((t) => t.id === tab)) return;
    state.tab = tab;
    for (const t of TABS) {
      const on = t.id === tab;
      tabButtons[t.id].setAttribute('aria-selected', String(on));
      tabButtons[t.id].setAttribute('tabindex', on ? '0' : '-1');
      panels[t.id].hidden = !on;
    }
    if (focus) tabButtons[tab].focus();
    reportState();
  }

  // ---------------------------------------------------------------- header

  function renderHeader() {
    const r = payload && payload.result;
    const k = payload && payload.knowledge;
    const kids = [h('h1', {}, 'Offload: Platform Guide')];
    if (r) {
      const t = r.target;
      const v = k && k.eksVersions.find((/** @type {any} */ x) => x.version === t.eksVersion);
      const warn = v && (v.status === 'extended' || v.status === 'end-of-life');
      kids.push(
        h('p', { class: 'target' },
          h('span', { class: warn ? 'badge warn' : 'badge' }, `EKS ${t.eksVersion}`),
          ` from ${SOURCE[t.eksVersionSource] || t.eksVersionSource}${v ? ` (${STATUS[v.status] || v.status})` : ''} · regions `,
          h('strong', {}, t.regions.join(', ')),
          ` · as of ${t.today} · data as of ${r.tool.dataAsOf}`,
        ),
      );
    }
    const actions = h('div', { class: 'actions' },
      h('button', { type: 'button', onClick: () => vscode.postMessage({ type: 'command', command: 'offload.setTargetVersion' }) }, 'Change EKS version…'),
      h('button', { type: 'button', onClick: () => vscode.postMessage({ type: 'command', command: 'offload.setRegions' }) }, 'Change regions…'),
      h('button', { type: 'button', class: 'secondary', onClick: () => vscode.postMessage({ type: 'command', command: 'offload.scan' }) }, 'Rescan'),
      h('button', { type: 'button', class: 'secondary', onClick: () => vscode.postMessage({ type: 'command', command: 'offload.exportReport' }) }, 'Export report…'),
    );
    kids.push(actions, h('p', { class: 'busy', role: 'status', 'aria-live': 'polite' }, payload && payload.busy ? 'Scanning the workspace…' : ''));
    header.replaceChildren(...kids);
  }

  // ---------------------------------------------------------------- report

  function renderReport() {
    const panel = panels.report;
    const r = payload && payload.result;
    rendered.workloads = 0;
    rendered.findings = 0;
    if (!r) {
      panel.replaceChildren(h('p', {}, payload && payload.busy ? 'Scanning the workspace…' : 'Offload has not analysed the workspace yet.'));
      return;
    }
    const out = [];
    out.push(h('h2', {}, 'Recommendation'), h('ul', { class: 'lines' }, ...r.recommendation.lines.map((/** @type {string} */ l) => h('li', {}, l))));

    if (r.workloads.length) {
      out.push(h('h2', { id: 'workloads-heading' }, `Workloads (${r.workloads.length})`));
      const table = h('table', { class: 'matrix', 'aria-labelledby': 'workloads-heading' });
      table.append(h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Workload'),
        ...PLATFORMS.map((p) => h('th', { scope: 'col' }, PLATFORM_LABEL[p])),
        h('th', { scope: 'col' }, 'Recommended'),
        h('th', { scope: 'col' }, 'On Fargate'),
      )));
      const body = h('tbody');
      for (const w of r.workloads) {
        const focused = state.workloadId === w.id;
        const row = h('tr', { class: focused ? 'workload focused' : 'workload', 'data-workload': w.id });
        row.append(h('th', { scope: 'row' },
          locButton(w.name, w.file, w.range, `Open ${w.kind} ${w.name} in ${w.file}`),
          h('div', { class: 'sub' }, [w.kind, w.namespace, `${w.file}:${w.range.start.line + 1}`].filter(Boolean).join(' · ')),
        ));
        for (const p of PLATFORMS) {
          const f = w.fit[p];
          const [sym, text] = FIT[f.status] || ['?', f.status];
          const reasons = f.reasons.map((/** @type {any} */ x) => x.message).join('\n');
          row.append(h('td', { class: `fit ${f.status}${w.recommendation.platform === p ? ' recommended' : ''}`, title: reasons || text },
            h('span', { class: 'sym', 'aria-hidden': 'true' }, sym), ' ', text,
            f.reasons.length ? h('span', { class: 'count' }, ` (${f.reasons.length})`) : null,
          ));
        }
        row.append(h('td', {}, PLATFORM_LABEL[w.recommendation.platform]));
        row.append(h('td', {}, w.fargate ? `${w.fargate.label} · ${usd(w.fargate.monthlyUsd, 2)}/mo` : '—'));
        body.append(row);

        // The explanation: why this platform, and every platform's reasons.
        const details = h('details', { class: 'why', open: focused || undefined, id: `why-${cssId(w.id)}` },
          h('summary', {}, `Why ${PLATFORM_LABEL[w.recommendation.platform]}: `, w.recommendation.summary),
          h('ol', { class: 'trace' }, ...w.recommendation.reasons.map((/** @type {any} */ s) => h('li', {}, s.file && s.range ? locButton(s.message, s.file, s.range, `${s.message} (open source)`) : s.message))),
          ...PLATFORMS.filter((p) => w.fit[p].reasons.length).map((p) => h('div', { class: 'reasons' },
            h('h4', {}, `${PLATFORM_LABEL[p]}: ${(FIT[w.fit[p].status] || ['', w.fit[p].status])[1]}`),
            h('ul', {}, ...w.fit[p].reasons.map((/** @type {any} */ x) => h('li', {}, locButton(x.message, x.file, x.range, `${x.message} (open source)`), h('span', { class: 'rule' }, ` ${x.ruleId}`)))),
          )),
        );
        body.append(h('tr', { class: 'details' }, h('td', { colspan: String(PLATFORMS.length + 3) }, details)));
        rendered.workloads++;
      }
      table.append(body);
      out.push(h('div', { class: 'scroll' }, table));
      out.push(h('h2', {}, 'Fargate estimate'),
        h('p', {}, r.recommendation.fargateMonthlyUsd > 0
          ? `About ${usd(r.recommendation.fargateMonthlyUsd, 2)}/month for one task or pod of each workload Offload recommends for Fargate (${payload.knowledge.pricing.region} on-demand list prices as of ${r.recommendation.pricesAsOf}; multiply by replicas).`
          : 'No workload is recommended for Fargate.'));
    }

    out.push(h('h2', { id: 'findings-heading' }, `Findings (${r.findings.length})`));
    if (!r.findings.length) out.push(h('p', {}, 'No findings.'));
    else {
      const t = h('table', { class: 'findings', 'aria-labelledby': 'findings-heading' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Severity'), h('th', { scope: 'col' }, 'Rule'), h('th', { scope: 'col' }, 'Message'), h('th', { scope: 'col' }, 'Location'))));
      const tb = h('tbody');
      for (const f of r.findings) {
        tb.append(h('tr', { class: `sev-${f.severity}` },
          h('td', {}, f.severity), h('td', {}, h('code', {}, f.ruleId)), h('td', {}, f.message),
          h('td', {}, locButton(`${f.file}:${f.range.start.line + 1}`, f.file, f.range, `Open ${f.ruleId} in ${f.file} line ${f.range.start.line + 1}`))));
        rendered.findings++;
      }
      t.append(tb);
      out.push(h('div', { class: 'scroll' }, t));
    }
    panel.replaceChildren(...out);
  }

  /** @param {string} id */
  function cssId(id) {
    let hash = 0;
    for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
    return (hash >>> 0).toString(36);
  }

  function focusWorkload() {
    if (!state.workloadId || !payload || !payload.result) return;
    const id = state.workloadId;
    const row = Array.from(panels.report.querySelectorAll('tr.workload')).find((r) => r.getAttribute('data-workload') === id);
    if (!row) return;
    for (const r of panels.report.querySelectorAll('tr.workload.focused')) r.classList.remove('focused');
    row.classList.add('focused');
    const details = document.getElementById(`why-${cssId(id)}`);
    if (details) details.setAttribute('open', '');
    row.scrollIntoView({ block: 'center' });
    const btn = row.querySelector('button');
    if (btn) btn.focus();
  }

  // ---------------------------------------------------------------- regions

  const regionControls = h('div', { class: 'controls' });
  const regionCount = h('p', { class: 'count', role: 'status', 'aria-live': 'polite' });
  const regionTable = h('div', { class: 'scroll' });
  const filterInput = /** @type {HTMLInputElement} */ (h('input', { type: 'search', id: 'region-filter', placeholder: 'eu-, Frankfurt, gov…', autocomplete: 'off' }));
  const onlyTargeted = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'only-targeted' }));
  filterInput.addEventListener('input', () => {
    state.regionFilter = filterInput.value.slice(0, 200);
    renderRegionTable();
    reportState();
  });
  onlyTargeted.addEventListener('change', () => {
    state.onlyTargeted = onlyTargeted.checked;
    renderRegionTable();
    reportState();
  });
  regionControls.append(
    h('label', { for: 'region-filter' }, 'Filter regions '), filterInput,
    h('label', { class: 'check' }, onlyTargeted, ' Only targeted regions'),
  );

  function renderRegions() {
    const panel = panels.regions;
    if (!payload) return;
    filterInput.value = state.regionFilter;
    onlyTargeted.checked = state.onlyTargeted;
    panel.replaceChildren(
      h('h2', {}, 'Where each platform runs'),
      h('p', { class: 'note' }, `✓ available, ✗ not available, ? the sources do not say (never read as “no”). Targeted regions are highlighted. Data as of ${payload.knowledge.asOf.regions}.`),
      regionControls, regionCount, regionTable,
    );
    renderRegionTable();
  }

  function renderRegionTable() {
    if (!payload) return;
    const targets = new Set(payload.result ? payload.result.target.regions : []);
    const q = state.regionFilter.trim().toLowerCase();
    const rows = payload.knowledge.regions.filter((/** @type {any} */ r) =>
      (!state.onlyTargeted || targets.has(r.code)) && (!q || r.code.toLowerCase().includes(q) || r.name.toLowerCase().includes(q) || r.group.toLowerCase().includes(q)));
    /** @param {boolean|null} v */
    const cell = (v) => {
      const [cls, sym, text] = v === true ? ['yes', '✓', 'yes'] : v === false ? ['no', '✗', 'no'] : ['unknown', '?', 'unknown'];
      return h('td', { class: `avail ${cls}` }, h('span', { class: 'sym', 'aria-hidden': 'true' }, sym), ' ', text);
    };
    const table = h('table', { class: 'regions', 'aria-label': 'Region availability' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Region'), h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'ECS'), h('th', { scope: 'col' }, 'EKS'),
        h('th', { scope: 'col' }, 'Fargate (ECS)'), h('th', { scope: 'col' }, 'Fargate (EKS)'))));
    const body = h('tbody');
    for (const r of rows) {
      const targeted = targets.has(r.code);
      body.append(h('tr', { class: targeted ? 'targeted' : '' },
        h('th', { scope: 'row' }, h('code', {}, r.code), targeted ? h('span', { class: 'badge' }, 'target') : null),
        h('td', {}, r.name),
        cell(r.ecs), cell(r.eks), cell(r.fargateEcs), cell(r.fargateEks)));
    }
    // A targeted code the data does not know is shown too, as unknown.
    for (const code of targets) {
      if (payload.knowledge.regions.some((/** @type {any} */ r) => r.code === code)) continue;
      if (q && !code.toLowerCase().includes(q)) continue;
      body.append(h('tr', { class: 'targeted' }, h('th', { scope: 'row' }, h('code', {}, code), h('span', { class: 'badge' }, 'target')),
        h('td', {}, 'not a region Offload knows'), cell(null), cell(null), cell(null), cell(null)));
    }
    table.append(body);
    regionTable.replaceChildren(table);
    rendered.regions = body.children.length;
    regionCount.textContent = `${rendered.regions} of ${payload.knowledge.regions.length} regions`;
  }

  // ---------------------------------------------------------------- versions

  function renderVersions() {
    const panel = panels.versions;
    if (!payload) return;
    const k = payload.knowledge;
    const today = k.today;
    const target = payload.result ? payload.result.target.eksVersion : undefined;
    const day = (/** @type {string} */ d) => Date.parse(d + 'T00:00:00Z');
    // The timeline shows the versions that matter now: supported ones, and those that
    // left support in the last year (the table below lists every version).
    const cutoff = day(today) - 365 * 86400000;
    const lastDay = (/** @type {any} */ v) => v.endOfExtendedSupport || v.endOfStandardSupport;
    const shown = k.eksVersions.filter((/** @type {any} */ v) => v.eksRelease && (v.version === target || !lastDay(v) || day(lastDay(v)) >= cutoff));
    const starts = shown.map((/** @type {any} */ v) => day(v.eksRelease));
    const ends = shown.map((/** @type {any} */ v) => day(v.endOfExtendedSupport || v.endOfStandardSupport || v.eksRelease));
    const min = Math.min(...starts, day(today));
    const max = Math.max(...ends, day(today)) + 30 * 86400000;
    const pct = (/** @type {number} */ t) => `${(((t - min) / (max - min)) * 100).toFixed(3)}%`;
    const width = (/** @type {number} */ a, /** @type {number} */ b) => `${Math.max(0, ((b - a) / (max - min)) * 100).toFixed(3)}%`;
    const p = k.pricing;

    const timeline = h('div', { class: 'timeline', role: 'list', 'aria-label': `EKS support timeline; today is ${today}` });
    const axis = h('div', { class: 'tl-row axis', 'aria-hidden': 'true' }, h('span', { class: 'tl-label' }, ''));
    const axisTrack = h('div', { class: 'tl-track' });
    const todayRow = h('div', { class: 'tl-row axis today-row', 'aria-hidden': 'true' }, h('span', { class: 'tl-label' }, ''));
    const todayTrack = h('div', { class: 'tl-track' });
    // Positions go through the CSSOM: the CSP (no 'unsafe-inline') ignores style attributes.
    const at = (/** @type {HTMLElement} */ el, /** @type {number} */ t) => {
      el.style.left = pct(t);
      return el;
    };
    for (let y = new Date(min).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < max; y++) {
      axisTrack.append(at(h('span', { class: 'tick' }, String(y)), Date.UTC(y, 0, 1)));
    }
    todayTrack.append(at(h('span', { class: 'today-label' }, `today, ${today}`), day(today)));
    axis.append(axisTrack);
    todayRow.append(todayTrack);
    timeline.append(axis);
    for (const v of [...shown].reverse()) {
      const isTarget = v.version === target;
      const std = v.endOfStandardSupport ? [day(v.eksRelease), day(v.endOfStandardSupport)] : null;
      const ext = v.extendedSupportStart && v.endOfExtendedSupport ? [day(v.extendedSupportStart), day(v.endOfExtendedSupport)] : null;
      const label = `EKS ${v.version}: ${STATUS[v.status] || v.status} today. Standard support ${v.eksRelease} to ${v.endOfStandardSupport || 'unknown'} at ${usd(p.standardPerClusterHour, 2)} per cluster-hour` +
        (ext ? `; extended support to ${v.endOfExtendedSupport} at ${usd(p.extendedPerClusterHour, 2)} per cluster-hour` : '') + (isTarget ? '. Target version.' : '.');
      const track = h('div', { class: 'tl-track' });
      const seg = (/** @type {string} */ cls, /** @type {number[]} */ span, /** @type {string} */ text) => {
        const el = h('span', { class: `seg ${cls}`, title: text });
        el.style.left = pct(span[0]);
        el.style.width = width(span[0], span[1]);
        return el;
      };
      if (std) track.append(seg('standard', std, `Standard support ${v.eksRelease} → ${v.endOfStandardSupport}: ${usd(p.standardPerClusterHour, 2)}/h`));
      if (ext) track.append(seg('extended', ext, `Extended support ${v.extendedSupportStart} → ${v.endOfExtendedSupport}: ${usd(p.extendedPerClusterHour, 2)}/h`));
      track.append(at(h('span', { class: 'today-marker', 'aria-hidden': 'true' }), day(today)));
      timeline.append(h('div', { class: `tl-row${isTarget ? ' target' : ''} status-${v.status}`, role: 'listitem', 'aria-label': label },
        h('span', { class: 'tl-label', 'aria-hidden': 'true' }, v.version, isTarget ? h('span', { class: 'badge' }, 'target') : null), track));
    }

    timeline.append(todayRow);

    const table = h('table', { class: 'versions', 'aria-label': 'EKS versions' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, `Status on ${today}`), h('th', { scope: 'col' }, 'EKS release'),
        h('th', { scope: 'col' }, 'End of standard support'), h('th', { scope: 'col' }, 'End of extended support'), h('th', { scope: 'col' }, 'Price now'))));
    const body = h('tbody');
    for (const v of [...k.eksVersions].reverse()) {
      const isTarget = v.version === target;
      body.append(h('tr', { class: `${isTarget ? 'targeted ' : ''}status-${v.status}` },
        h('th', { scope: 'row' }, v.version, isTarget ? h('span', { class: 'badge' }, 'target') : null),
        h('td', {}, STATUS[v.status] || v.status), h('td', {}, v.eksRelease || '—'), h('td', {}, v.endOfStandardSupport || '—'),
        h('td', {}, v.endOfExtendedSupport || '—'), h('td', {}, v.hourlyPriceUsd === null ? '—' : `${usd(v.hourlyPriceUsd, 2)}/h`)));
    }
    table.append(body);
    rendered.versions = shown.length;
    panel.replaceChildren(
      h('h2', {}, 'EKS version calendar'),
      h('ul', { class: 'legend' },
        h('li', {}, h('span', { class: 'key standard', 'aria-hidden': 'true' }), ` Standard support: ${usd(p.standardPerClusterHour, 2)} per cluster-hour (about ${usd(p.standardPerClusterHour * p.hoursPerMonth, 0)}/month)`),
        h('li', {}, h('span', { class: 'key extended', 'aria-hidden': 'true' }), ` Extended support: ${usd(p.extendedPerClusterHour, 2)} per cluster-hour (about ${usd(p.extendedPerClusterHour * p.hoursPerMonth, 0)}/month)`),
        h('li', {}, h('span', { class: 'key today', 'aria-hidden': 'true' }), ` Today (${today})`)),
      timeline,
      h('h3', {}, 'All versions'),
      h('div', { class: 'scroll' }, table),
      h('p', { class: 'note' }, `Control-plane list prices (${p.region}); extended pricing applies from ${p.extendedPricingFrom}. Calendar as of ${k.asOf.eksVersions}, prices as of ${k.asOf.pricing}.`),
    );
  }

  // ---------------------------------------------------------------- fargate

  function renderFargate() {
    const panel = panels.fargate;
    if (!payload) return;
    const k = payload.knowledge;
    /** @type {Map<string, string[]>} */
    const used = new Map();
    for (const w of (payload.result ? payload.result.workloads : [])) {
      if (!w.fargate) continue;
      const key = `${w.fargate.vcpu}/${w.fargate.memoryGiB}`;
      used.set(key, [...(used.get(key) || []), w.name]);
    }
    const table = h('table', { class: 'sizes', 'aria-label': 'Fargate sizes and prices' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'vCPU'), h('th', { scope: 'col' }, 'Memory'), h('th', { scope: 'col' }, 'ECS cpu / memory'),
        h('th', { scope: 'col' }, 'Linux x86 per hour'), h('th', { scope: 'col' }, 'per month'), h('th', { scope: 'col' }, 'Linux ARM per hour'),
        h('th', { scope: 'col' }, 'Windows per hour'), h('th', { scope: 'col' }, 'EKS Fargate'), h('th', { scope: 'col' }, 'Used by'))));
    const body = h('tbody');
    for (const s of k.fargateSizes) {
      const users = used.get(`${s.vcpu}/${s.memoryGiB}`) || [];
      body.append(h('tr', { class: users.length ? 'targeted' : '' },
        h('th', { scope: 'row' }, num(s.vcpu)), h('td', {}, `${num(s.memoryGiB)} GB`), h('td', {}, `${s.cpu} / ${s.memoryMiB}`),
        h('td', {}, usd(s.linuxX86HourlyUsd, 5)), h('td', {}, s.linuxX86HourlyUsd === null ? '—' : usd(s.linuxX86HourlyUsd * k.pricing.hoursPerMonth, 2)),
        h('td', {}, usd(s.linuxArmHourlyUsd, 5)), h('td', {}, s.windows ? usd(s.windowsHourlyUsd, 5) : 'not offered'),
        h('td', {}, s.eks ? 'yes' : 'no'), h('td', {}, users.join(', '))));
    }
    table.append(body);
    rendered.sizes = k.fargateSizes.length;
    panel.replaceChildren(
      h('h2', {}, 'Fargate sizes and prices'),
      h('p', { class: 'note' }, `On-demand ${k.pricing.region} list prices per task or pod, ${k.pricing.hoursPerMonth} hours a month. Windows and ARM run on ECS only. Sizes as of ${k.asOf.fargateSizes}, prices as of ${k.asOf.pricing}. Rows used by a workload are highlighted.`),
      h('div', { class: 'scroll' }, table),
    );
  }

  // ---------------------------------------------------------------- messages

  function renderAll() {
    renderHeader();
    renderReport();
    renderRegions();
    renderVersions();
    renderFargate();
    app.setAttribute('aria-busy', payload && payload.busy ? 'true' : 'false');
    selectTab(state.tab, false);
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
    if (msg.type === 'data' && msg.payload && typeof msg.payload === 'object' && msg.payload.knowledge) {
      payload = msg.payload;
      renderAll();
      if (state.workloadId && state.tab === 'report') focusWorkload();
    } else if (msg.type === 'focus' && TABS.some((t) => t.id === msg.tab)) {
      if (typeof msg.workloadId === 'string') state.workloadId = msg.workloadId;
      selectTab(msg.tab, !msg.workloadId);
      if (msg.workloadId) focusWorkload();
    } else if (msg.type === 'restore' && msg.state && typeof msg.state === 'object') {
      mergeState(msg.state);
      filterInput.value = state.regionFilter;
      onlyTargeted.checked = state.onlyTargeted;
      selectTab(state.tab, false);
    }
  });

  selectTab(state.tab, false);
  vscode.postMessage({ type: 'ready' });
})();

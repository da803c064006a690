'use strict';
// The page of `subsidy serve`: plain JavaScript, no framework, no network beyond this computer.
(function () {
  const $ = (id) => document.getElementById(id);
  const statusLabels = { awarded: '予以奖励', not_eligible: '不符合条件', pending: '待补充', invalid: '数据有误' };
  const extraLabels = { project: '项目名称', event_date: '活动日期', file: '文件', sheet: '工作表' };
  const yesNo = { true: '是', false: '否' }; // the policy file's true and false, in Chinese
  const pageSize = 100;

  let info = null;      // /api/info: measures, policy, limits
  let files = [];       // the workbooks chosen
  let jobId = '';       // the job shown, or running
  let upload = null;    // the upload under way
  let summary = null;   // the finished job's summary
  const view = { status: '', measure: '', q: '', offset: 0 };

  // el builds an element; text is set as text, never as HTML.
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children) e.append(c);
    return e;
  }

  async function api(method, url) {
    const r = await fetch(url, { method: method, credentials: 'same-origin' });
    if (!r.ok) throw new Error(await errorText(r.status, await r.text()));
    return r.status === 204 ? null : r.json();
  }

  function errorText(code, text) {
    try { return JSON.parse(text).error; } catch (e) { return text.trim() || '请求失败（' + code + '）'; }
  }

  // yuan writes an amount with thousands separators, on the decimal string: never a float.
  function yuan(s) {
    const neg = s.startsWith('-');
    const parts = (neg ? s.slice(1) : s).split('.');
    return (neg ? '-' : '') + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (parts.length > 1 ? '.' + parts[1] : '');
  }

  function showError(msg) {
    $('error').textContent = msg;
    $('error').hidden = !msg;
  }

  function isAll() { return $('measure').value === 'all'; }

  // --- choosing ---

  function fillMeasures() {
    const sel = $('measure');
    for (const m of info.measures) sel.append(el('option', { value: m.key, textContent: m.name + '（' + m.clause + '）' }));
    sel.append(el('option', { value: 'all', textContent: '全部措施（一个或多个工作簿，各工作表按表头归入相应措施）' }));
    sel.addEventListener('change', measureChanged);
    measureChanged();
  }

  function measureChanged() {
    const all = isAll();
    $('files').multiple = all;
    $('drop-text').firstChild.textContent = all ? '把一个或多个申报表（.xlsx 或 .csv）拖到这里，或' : '把申报表（.xlsx 或 .csv）拖到这里，或';
    $('measure-hint').textContent = (all ? '一次最多 ' + info.maxFiles + ' 个工作簿，' : '一个工作簿，') + '每个文件不超过 ' + info.maxFileText + '。';
    if (!all && files.length > 1) setFiles([]);
  }

  function setFiles(list) {
    files = Array.from(list);
    showError('');
    const chosen = $('chosen');
    chosen.replaceChildren();
    for (const f of files) chosen.append(el('li', {}, el('span', { className: 'name', textContent: f.name }), el('span', { className: 'size', textContent: size(f.size) })));
    let problem = '';
    if (!isAll() && files.length > 1) problem = '一项措施一次只算一个工作簿：多个工作簿请选“全部措施”，或逐个上传';
    else if (files.length > info.maxFiles) problem = '一次最多上传 ' + info.maxFiles + ' 个工作簿';
    for (const f of files) {
      if (f.size > info.maxFileSize) problem = f.name + ' 的文件大小为 ' + size(f.size) + '，超过上限 ' + info.maxFileText + '（可能是损坏或恶意文件）';
    }
    showError(problem);
    $('start').disabled = files.length === 0 || problem !== '';
  }

  function size(n) {
    if (n >= 1 << 20) return (n / (1 << 20)).toFixed(1) + ' MiB';
    if (n >= 1 << 10) return (n / (1 << 10)).toFixed(1) + ' KiB';
    return n + ' 字节';
  }

  function wireDrop() {
    const drop = $('drop');
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      setFiles(e.dataTransfer.files);
    });
    $('files').addEventListener('change', () => {
      setFiles($('files').files);
      $('files').value = ''; // choosing the same file again is a change too
    });
  }

  // --- running ---

  function start() {
    if (jobId) api('DELETE', '/api/jobs/' + jobId).catch(() => {}); // the previous result's files are not needed any more
    jobId = '';
    summary = null;
    $('result').hidden = true;
    showError('');
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    upload = xhr;
    xhr.open('POST', '/api/jobs?measure=' + encodeURIComponent($('measure').value));
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress('正在上传', e.loaded / e.total); };
    xhr.onload = () => {
      upload = null;
      if (xhr.status !== 202) return stopped(errorText(xhr.status, xhr.responseText));
      jobId = JSON.parse(xhr.responseText).id;
      poll();
    };
    xhr.onerror = () => { upload = null; stopped('上传失败：请确认启动窗口仍开着，然后重试'); };
    xhr.onabort = () => { upload = null; stopped('已取消'); };
    running(true);
    progress('正在上传', 0);
    xhr.send(form);
  }

  function running(on) {
    $('progress').hidden = !on;
    $('start').disabled = on || files.length === 0;
    $('measure').disabled = on;
  }

  function progress(text, fraction) {
    $('progress-text').textContent = text;
    if (fraction === undefined) $('bar').removeAttribute('value');
    else $('bar').value = fraction;
  }

  function stopped(msg) {
    running(false);
    showError(msg);
  }

  async function poll() {
    const id = jobId;
    let st;
    try {
      st = await api('GET', '/api/jobs/' + id);
    } catch (e) {
      return stopped(e.message);
    }
    if (id !== jobId) return;
    if (st.state === 'running') {
      const m = /（(\d+)%）/.exec(st.progress || '');
      progress(st.phase + (st.progress ? '：' + st.progress : '……'), m ? m[1] / 100 : undefined);
      return setTimeout(poll, 400);
    }
    if (st.state === 'failed') return stopped(st.error);
    running(false);
    showResult(st.summary);
  }

  function cancel() {
    if (upload) return upload.abort();
    if (jobId) {
      const id = jobId;
      jobId = '';
      api('DELETE', '/api/jobs/' + id).catch(() => {});
      stopped('已取消');
    }
  }

  // --- the result ---

  function showResult(s) {
    summary = s;
    const box = $('summary');
    box.replaceChildren();
    for (const m of s.measures) box.append(measureSummary(m));
    if (s.all) {
      box.append(el('p', { className: 'grand-total', textContent: '全部措施合计 ' + s.rows + ' 行，奖励 ' + yuan(s.total) + ' 元' }));
      if (s.skipped) box.append(el('p', { className: 'notice', textContent: '未计算（不符合任何措施）：' + s.skipped.join('、') }));
    }
    for (const format of ['xlsx', 'csv']) {
      const a = $('download-' + format);
      a.href = '/api/jobs/' + jobId + '/files/' + format;
      a.download = s.downloads[format] || '';
    }
    Object.assign(view, { status: '', measure: '', q: '', offset: 0 });
    $('search').value = '';
    $('measure-filter').replaceChildren();
    fillFilters();
    $('result').hidden = false;
    $('rows').classList.toggle('hide-measure', !s.all);
    loadRows();
    $('result').scrollIntoView(); // at once: a click during a smooth scroll lands elsewhere
  }

  function measureSummary(m) {
    const div = el('div', { className: 'measure-summary' });
    div.dataset.measure = m.key;
    div.append(el('h3', { textContent: m.title + '（' + m.clause + '）：工作表“' + m.sheet + '”，表头第' + m.headerRow + '行，共 ' + m.rows + ' 行' }));
    const body = el('tbody');
    for (const st of m.statuses) {
      const tr = el('tr', {}, el('td', { textContent: st.label }), el('td', { className: 'n', textContent: st.rows + ' 行' }),
        el('td', { className: 'money', textContent: yuan(st.award) + ' 元' }));
      tr.dataset.status = st.status;
      body.append(tr);
    }
    body.append(el('tr', { className: 'total' }, el('td', { textContent: '合计' }), el('td', { className: 'n', textContent: m.rows + ' 行' }),
      el('td', { className: 'money', textContent: yuan(m.total) + ' 元' })));
    const head = el('thead', {}, el('tr', {}, el('th', { textContent: '状态' }), el('th', { textContent: '行数' }), el('th', { textContent: '奖励金额' })));
    div.append(el('table', { className: 'summary-table' }, head, body));
    if (m.skipped) div.append(el('p', { className: 'summary-note', textContent: '略过：' + m.skipped }));
    for (const a of m.assumed || []) div.append(el('p', { className: 'summary-note', textContent: '假定：' + a }));
    if (m.notice) div.append(el('p', { className: 'notice', textContent: '注意：' + m.notice }));
    return div;
  }

  function fillFilters() {
    const counts = { '': 0 };
    for (const m of summary.measures) {
      counts[''] += m.rows;
      for (const st of m.statuses) counts[st.status] = (counts[st.status] || 0) + st.rows;
    }
    const box = $('filters');
    box.replaceChildren();
    for (const key of ['', 'awarded', 'not_eligible', 'pending', 'invalid']) {
      const b = el('button', { type: 'button', textContent: (key ? statusLabels[key] : '全部状态') + '（' + (counts[key] || 0) + '）' });
      b.dataset.filter = key;
      b.classList.toggle('active', key === view.status);
      b.addEventListener('click', () => { view.status = key; view.offset = 0; fillFilters(); loadRows(); });
      box.append(b);
    }
    const sel = $('measure-filter');
    sel.hidden = !summary.all;
    if (summary.all && sel.options.length === 0) {
      sel.append(el('option', { value: '', textContent: '全部措施' }));
      for (const m of summary.measures) sel.append(el('option', { value: m.key, textContent: m.title }));
    }
  }

  let rowsRequest = 0;
  async function loadRows() {
    const n = ++rowsRequest;
    const q = new URLSearchParams({ status: view.status, measure: view.measure, q: view.q, offset: view.offset, limit: pageSize });
    let page;
    try {
      page = await api('GET', '/api/jobs/' + jobId + '/rows?' + q);
    } catch (e) {
      return showError(e.message);
    }
    if (n !== rowsRequest) return; // a later filter has been asked for
    const titles = {};
    for (const m of info.measures) titles[m.key] = m.name;
    const body = $('rows').tBodies[0];
    body.replaceChildren();
    let extra = false;
    for (const r of page.rows) {
      const keys = Object.keys(extraLabels).filter((k) => k !== 'sheet' || summary.all); // 全部: rows of several files and sheets
      const more = keys.filter((k) => r[k]).map((k) => extraLabels[k] + '：' + r[k]).join('；');
      extra = extra || more !== '';
      const why = r.reasons.join('；') + r.warnings.map((w) => '；提示：' + w).join('');
      const tr = el('tr', {},
        el('td', { className: 'n', textContent: r.row }),
        el('td', { className: 'col-measure', textContent: titles[r.measure] || r.measure }),
        el('td', { className: 'name', textContent: r.name }),
        el('td', { className: 'code', textContent: r.code }),
        el('td', { className: 'col-extra', textContent: more }),
        el('td', { className: 'status status-' + r.status, textContent: statusLabels[r.status] || r.status }),
        el('td', { className: 'money', textContent: yuan(r.award) }),
        el('td', { textContent: why }));
      tr.dataset.status = r.status;
      body.append(tr);
    }
    $('rows').classList.toggle('hide-extra', !extra);
    const from = page.matched === 0 ? 0 : page.offset + 1;
    $('page-text').textContent = page.matched === 0 ? '没有符合条件的行' : '第 ' + from + '–' + (page.offset + page.rows.length) + ' 行，共 ' + page.matched + ' 行';
    $('prev').disabled = page.offset === 0;
    $('next').disabled = page.offset + page.rows.length >= page.matched;
  }

  function wireRows() {
    let timer = 0;
    $('search').addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { view.q = $('search').value.trim(); view.offset = 0; loadRows(); }, 250);
    });
    $('measure-filter').addEventListener('change', () => { view.measure = $('measure-filter').value; view.offset = 0; loadRows(); });
    $('prev').addEventListener('click', () => { view.offset = Math.max(0, view.offset - pageSize); loadRows(); });
    $('next').addEventListener('click', () => { view.offset += pageSize; loadRows(); });
  }

  // --- templates and policy ---

  function fillTemplates() {
    const list = $('template-list');
    for (const m of info.measures) {
      const a = el('a', { href: '/api/templates/' + m.key, textContent: m.name + '（' + m.clause + '）申报表模板' });
      a.download = m.name + '-申报模板.xlsx';
      list.append(el('li', {}, a));
    }
  }

  function fillPolicy() {
    const p = info.policy;
    $('plan').textContent = '按《' + p.title + '》（' + p.document + '）计算';
    const box = $('policy-text');
    box.append(el('p', { textContent: '生效的政策参数：' + p.id + '（' + p.source + '）' }));
    for (const m of info.measures) {
      box.append(el('h3', { textContent: m.clause + ' ' + m.name }));
      box.append(el('p', { className: 'clause', textContent: m.text }));
      const body = el('tbody');
      for (const prm of m.params) {
        const value = (yesNo[prm.value] || prm.value) + (prm.was ? '（本次以 --set 改动，原为 ' + (yesNo[prm.was] || prm.was) + '）' : '');
        body.append(el('tr', {}, el('td', { textContent: prm.key }), el('td', { textContent: value }), el('td', { textContent: prm.clause })));
      }
      const head = el('thead', {}, el('tr', {}, el('th', { textContent: '参数（政策参数文件中的键）' }), el('th', { textContent: '取值' }), el('th', { textContent: '条款' })));
      box.append(el('table', { className: 'params' }, head, body));
    }
  }

  async function init() {
    try {
      info = await api('GET', '/api/info');
    } catch (e) {
      $('plan').textContent = e.message;
      return;
    }
    fillPolicy();
    fillMeasures();
    fillTemplates();
    wireDrop();
    wireRows();
    $('start').addEventListener('click', start);
    $('cancel').addEventListener('click', cancel);
  }

  init();
})();

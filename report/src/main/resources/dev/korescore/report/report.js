/* korescore audit report: sorting, filtering and explanations of the problem table.
   Every data string is written with textContent, never as HTML. State lives in the URL hash:
   #sort=<key>&dir=asc|desc&q=<text>&verdict=<VERDICT>&explain=<conversation id>. */
(function () {
  'use strict';
  var table = document.getElementById('problem-table');
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filterInput = document.getElementById('problem-filter');
  var verdictSelect = document.getElementById('verdict-filter');
  var countOut = document.getElementById('problem-count');
  var pane = document.getElementById('explanation');
  var data = JSON.parse(document.getElementById('problem-data').textContent);
  var state = { sort: '', dir: 'asc', q: '', verdict: '', explain: '' };

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    state.sort = params.get('sort') || '';
    state.dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
    state.q = params.get('q') || '';
    state.verdict = params.get('verdict') || '';
    state.explain = params.get('explain') || '';
  }

  function writeHash() {
    var params = new URLSearchParams();
    if (state.sort) { params.set('sort', state.sort); params.set('dir', state.dir); }
    if (state.q) { params.set('q', state.q); }
    if (state.verdict) { params.set('verdict', state.verdict); }
    if (state.explain) { params.set('explain', state.explain); }
    var hash = params.toString();
    if (hash && ('#' + hash) !== location.hash) { history.replaceState(null, '', '#' + hash); }
  }

  function sortValue(row, column, type) {
    var cell = row.cells[column];
    var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
    if (type === 'number') {
      var n = parseFloat(raw);
      return isNaN(n) ? null : n;
    }
    return raw.toLowerCase();
  }

  function applySort() {
    headers.forEach(function (th) { th.removeAttribute('aria-sort'); });
    var column = -1;
    headers.forEach(function (th, i) { if (th.getAttribute('data-key') === state.sort) { column = i; } });
    if (column < 0) { return; }
    var type = headers[column].getAttribute('data-type');
    var sign = state.dir === 'desc' ? -1 : 1;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortValue(a, column, type), y = sortValue(b, column, type);
      if (x === y) { return (+a.getAttribute('data-index')) - (+b.getAttribute('data-index')); }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      return (x < y ? -1 : 1) * sign;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers[column].setAttribute('aria-sort', state.dir === 'desc' ? 'descending' : 'ascending');
  }

  function applyFilter() {
    var needle = state.q.toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var visible = (!state.verdict || row.getAttribute('data-verdict') === state.verdict)
        && (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !visible;
      if (visible) { shown++; }
    });
    countOut.textContent = shown + ' of ' + body.rows.length + ' shown';
    table.setAttribute('data-visible-rows', String(shown));
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function showExplanation() {
    Array.prototype.forEach.call(body.rows, function (row) {
      row.classList.toggle('selected', !!state.explain && row.getAttribute('data-id') === state.explain);
    });
    var problem = null;
    data.problems.forEach(function (p) { if (p.id === state.explain) { problem = p; } });
    while (pane.firstChild) { pane.removeChild(pane.firstChild); }
    if (!problem) { pane.hidden = true; return; }
    pane.appendChild(el('h3', 'Conversation ' + problem.id));
    pane.appendChild(el('p', problem.verdict + ' \u2014 agent ' + problem.agent + ', queue ' + problem.queue));
    var reasons = el('ul');
    problem.reasons.forEach(function (r) { reasons.appendChild(el('li', r)); });
    pane.appendChild(reasons);
    if (problem.explainedBy) { pane.appendChild(el('p', problem.explainedBy, 'explained-by')); }
    if (problem.numerator !== null && problem.denominator !== null) {
      pane.appendChild(el('p', 'Score = 100 \u00d7 ' + problem.numerator + ' / ' + problem.denominator
        + (problem.recomputed === null ? '' : ' = ' + problem.recomputed)
        + (problem.kore === null ? '' : '; Kore reported ' + problem.kore)));
    }
    var t = el('table', null, 'data contributions');
    var head = t.createTHead().insertRow();
    ['Metric', 'Answer', 'Weight', 'Negative weight', 'Fatal', 'Contribution'].forEach(function (h) {
      head.appendChild(el('th', h));
    });
    var tb = t.createTBody();
    problem.contributions.forEach(function (c) {
      var row = tb.insertRow();
      [c.metric, c.qualification, c.weight, c.negativeWeight, c.fatal ? 'fatal' : '', c.effect].forEach(function (v) {
        row.appendChild(el('td', v));
      });
    });
    pane.appendChild(t);
    pane.hidden = false;
  }

  function render() {
    applySort();
    applyFilter();
    showExplanation();
    filterInput.value = state.q;
    verdictSelect.value = state.verdict;
  }

  headers.forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      state.dir = state.sort === key && state.dir === 'asc' ? 'desc' : 'asc';
      state.sort = key;
      writeHash();
      render();
    });
  });
  filterInput.addEventListener('input', function () { state.q = filterInput.value; writeHash(); applyFilter(); });
  verdictSelect.addEventListener('change', function () { state.verdict = verdictSelect.value; writeHash(); applyFilter(); });
  body.addEventListener('click', function (event) {
    var row = event.target.closest('tr');
    if (!row) { return; }
    state.explain = state.explain === row.getAttribute('data-id') ? '' : row.getAttribute('data-id');
    writeHash();
    showExplanation();
  });
  body.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.closest('tr')) { event.target.closest('tr').click(); }
  });
  window.addEventListener('hashchange', function () { readHash(); render(); });

  readHash();
  render();
  document.documentElement.setAttribute('data-report-ready', 'true');
})();

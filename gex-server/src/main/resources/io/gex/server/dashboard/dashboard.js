// The gex dashboard: reads /api/v1 and follows /api/v1/stream/{symbol}. No build step, no CDN.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const bn = (v) => (v / 1e9).toFixed(2);
  const lvl = (v) => (v === null || v === undefined ? 'none' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  const state = { symbol: null, source: null, session: [], pending: null, updates: 0 };
  window.gexDashboard = state;
  const charts = {
    strikes: echarts.init($('strikes')),
    profile: echarts.init($('profile')),
    heatmap: echarts.init($('heatmap')),
    session: echarts.init($('session'))
  };
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  async function get(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!r.ok) { throw new Error(path + ': ' + r.status); }
    return r.json();
  }

  // Spot is labelled across the top; the flip and the walls along their lines (the flip near the bottom,
  // the walls near the top), so that a flip or a wall one strike from spot keeps a readable label.
  function vline(name, x, color, position) {
    return x === null || x === undefined ? null
      : { name: name, xAxis: x, lineStyle: { color: color, type: 'dashed' },
          label: { formatter: name, color: color, position: position } };
  }

  function marks(d) {
    return [vline('spot', d.spot, '#1d1d1f', 'end'), vline('flip', d.zeroGamma, '#7c3aed', 'insideStartTop'),
      vline('call wall', d.callWall, '#1a7f37', 'insideEndTop'), vline('put wall', d.putWall, '#b42318', 'insideEndTop')]
      .filter((m) => m);
  }

  function showLevels(d) {
    $('spot').textContent = lvl(d.spot);
    $('total').textContent = bn(d.totalGex) + ' bn';
    $('flip').textContent = lvl(d.zeroGamma);
    $('callWall').textContent = lvl(d.callWall);
    $('putWall').textContent = lvl(d.putWall);
    $('regime').textContent = d.regime || (d.totalGex >= 0 ? 'POSITIVE' : 'NEGATIVE');
    $('time').textContent = (d.valuationTime || d.time).replace('T', ' ').replace('Z', ' UTC');
  }

  function drawStrikes(d) {
    const rows = d.byStrike;
    const pair = (key) => rows.map((r) => [r.strike, r[key] / 1e9]);
    charts.strikes.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['calls', 'puts', 'net'] },
      grid: { left: 56, right: 24, top: 48, bottom: 44 },
      xAxis: { type: 'value', scale: true, name: 'strike', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: '$bn' },
      series: [
        { name: 'calls', type: 'bar', data: pair('callGex'), itemStyle: { color: '#2e9b57' }, barGap: '-100%', barMaxWidth: 6 },
        { name: 'puts', type: 'bar', data: pair('putGex'), itemStyle: { color: '#d04a3a' }, barMaxWidth: 6 },
        { name: 'net', type: 'line', data: pair('netGex'), showSymbol: false, lineStyle: { color: '#1d4ed8', width: 2 },
          markLine: { symbol: 'none', silent: true, data: marks(d) } }
      ]
    }, true);
  }

  function drawProfile(d) {
    const colors = { 'all': '#1d4ed8', 'ex-next-expiry': '#9333ea', 'ex-next-monthly': '#d97706' };
    charts.profile.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: d.profiles.map((p) => p.scope) },
      grid: { left: 56, right: 24, top: 48, bottom: 44 },
      xAxis: { type: 'value', scale: true, name: 'spot', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: '$bn' },
      series: d.profiles.map((p, i) => ({
        name: p.scope, type: 'line', showSymbol: false, lineStyle: { color: colors[p.scope] }, itemStyle: { color: colors[p.scope] },
        data: p.spots.map((s, j) => [s, p.totalGex[j] / 1e9]),
        markLine: i === 0 ? { symbol: 'none', silent: true, data: marks(d).slice(0, 2) } : undefined
      }))
    }, true);
  }

  function drawHeatmap(d) {
    const h = d.heatmap;
    const cells = [];
    let max = 0;
    h.netGex.forEach((row, i) => row.forEach((v, j) => {
      if (v !== 0) { cells.push([j, i, v / 1e9]); max = Math.max(max, Math.abs(v / 1e9)); }
    }));
    charts.heatmap.setOption({
      animation: false,
      tooltip: { formatter: (p) => h.expiries[p.value[1]] + ' @ ' + h.strikes[p.value[0]] + ': ' + p.value[2].toFixed(3) + ' bn' },
      grid: { left: 84, right: 24, top: 12, bottom: 64 },
      // Fifty expiries do not fit as labels: every one that would overlap its neighbour is left out.
      xAxis: { type: 'category', data: h.strikes.map(String), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category', data: h.expiries, axisLabel: { interval: 'auto', hideOverlap: true, fontSize: 10 } },
      visualMap: { min: -max || -1, max: max || 1, calculable: true, precision: 3, text: ['$bn +', '−'], orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 120, inRange: { color: ['#b42318', '#f5f5f5', '#1a7f37'] } },
      series: [{ type: 'heatmap', data: cells }]
    }, true);
  }

  function drawSession() {
    const s = state.session;
    const line = (name, key, color, axis) => ({
      name: name, type: 'line', yAxisIndex: axis || 0, showSymbol: s.length < 3, connectNulls: true,
      lineStyle: { color: color }, itemStyle: { color: color },
      data: s.map((p) => [p.time, axis ? p[key] / 1e9 : p[key]])
    });
    charts.session.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['spot', 'flip', 'call wall', 'put wall', 'total GEX'] },
      grid: { left: 56, right: 56, top: 32, bottom: 28 },
      xAxis: { type: 'time' },
      yAxis: [{ type: 'value', scale: true, name: 'level' }, { type: 'value', name: '$bn', splitLine: { show: false } }],
      series: [line('spot', 'spot', '#1d1d1f'), line('flip', 'zeroGamma', '#7c3aed'), line('call wall', 'callWall', '#1a7f37'),
        line('put wall', 'putWall', '#b42318'), line('total GEX', 'totalGex', '#1d4ed8', 1)]
    }, true);
  }

  function addAlert(a, top) {
    const li = document.createElement('li');
    const t = document.createElement('time');
    // To the second, as the header's time: an alert raised within a second carries milliseconds.
    t.textContent = a.time.replace('T', ' ').replace(/\.\d+/, '').replace('Z', '');
    const sev = document.createElement('span');
    sev.className = 'sev ' + a.severity;
    sev.textContent = a.severity;
    li.append(t, sev, document.createTextNode(' ' + a.message));
    const list = $('alerts');
    if (top) { list.prepend(li); } else { list.append(li); }
    while (list.children.length > 200) { list.lastChild.remove(); }
  }

  async function refresh() {
    const sym = state.symbol;
    const [strikes, profile, expiries] = await Promise.all([
      get('/api/v1/gex/' + sym + '/strikes?range=8'), get('/api/v1/gex/' + sym + '/profile'),
      get('/api/v1/gex/' + sym + '/expiries?range=5')]);
    if (sym !== state.symbol) { return; }
    showLevels(strikes);
    drawStrikes(strikes);
    drawProfile(profile);
    drawHeatmap(expiries);
    state.updates++;
    state.lastTime = strikes.valuationTime;
  }

  function scheduleRefresh() {
    // At most one refresh a second however fast analyses arrive.
    if (state.pending) { return; }
    state.pending = setTimeout(() => { state.pending = null; refresh().catch(fail); }, 1000);
  }

  function fail(e) {
    $('status').textContent = String(e.message || e);
    $('status').className = 'status';
  }

  async function select(sym) {
    state.symbol = sym;
    if (state.source) { state.source.close(); }
    $('alerts').replaceChildren();
    const hist = await get('/api/v1/history/' + sym);
    state.session = hist.intraday;
    drawSession();
    (await get('/api/v1/alerts?symbol=' + sym + '&limit=100')).forEach((a) => addAlert(a, false));
    await refresh();
    const src = new EventSource('/api/v1/stream/' + sym);
    state.source = src;
    src.onopen = () => { $('status').textContent = 'live'; $('status').className = 'status live'; };
    src.onerror = () => { $('status').textContent = 'reconnecting…'; $('status').className = 'status'; };
    src.addEventListener('analysis', (e) => {
      const d = JSON.parse(e.data);
      state.session.push(d);
      if (state.session.length > 5000) { state.session.shift(); }
      showLevels(d);
      drawSession();
      scheduleRefresh();
    });
    src.addEventListener('alert', (e) => addAlert(JSON.parse(e.data), true));
    src.addEventListener('bye', () => { src.close(); $('status').textContent = 'server stopped'; });
  }

  async function loadSymbols() {
    const list = await get('/api/v1/symbols');
    const picker = $('symbol');
    const known = Array.from(picker.options).map((o) => o.value);
    list.map((s) => s.symbol).filter((s) => !known.includes(s)).forEach((s) => picker.add(new Option(s, s)));
    if (!state.symbol && list.length) {
      const wanted = new URLSearchParams(location.search).get('symbol');
      const first = list.some((s) => s.symbol === wanted) ? wanted : list[0].symbol;
      picker.value = first;
      await select(first);
    }
  }

  $('symbol').addEventListener('change', (e) => select(e.target.value).catch(fail));
  loadSymbols().catch(fail);
  setInterval(() => loadSymbols().catch(fail), 10000);
})();

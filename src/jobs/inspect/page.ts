/** The inspect page: one self-contained HTML document (no network, no framework). */
export const INSPECT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>draftvault inspect</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 0; display: flex; gap: 16px; padding: 12px; background: #f4f4f6; }
#screen { position: relative; flex: none; }
#shot { display: block; height: 88vh; border: 1px solid #999; }
.box { position: absolute; border: 1px solid rgba(254,44,85,.8); box-sizing: border-box; cursor: pointer; }
.box:hover, .box.on { background: rgba(254,44,85,.25); border-width: 2px; }
#side { flex: 1; min-width: 320px; }
pre { background: #fff; border: 1px solid #ccc; padding: 8px; white-space: pre-wrap; }
td { padding: 2px 6px; vertical-align: top; } td:first-child { color: #666; }
.warn { color: #a40; }
</style></head>
<body>
<div id="screen"><img id="shot" alt="the phone's screen"></div>
<div id="side">
  <p><button id="refresh">Refresh</button> <span id="status"></span></p>
  <p id="hint">Click an element on the screenshot.</p>
  <table id="attrs"></table>
  <h3>Suggested selector</h3><pre id="yaml">-</pre><p id="specific" class="warn"></p>
  <h3>Named selectors that find it</h3><ul id="named"></ul>
  <p id="files"></p>
</div>
<script>
const token = new URLSearchParams(location.search).get('token');
let data;
const $ = (id) => document.getElementById(id);
function show(el) {
  document.querySelectorAll('.box').forEach((b) => b.classList.toggle('on', Number(b.dataset.n) === el.n));
  $('hint').textContent = 'Element ' + el.n;
  $('attrs').innerHTML = '';
  for (const [k, v] of [['class', el.className], ['text', el.text], ['content-desc', el.desc], ['resource-id', el.id], ['bounds', JSON.stringify(el.bounds)], ['clickable', String(el.clickable)]]) {
    const tr = document.createElement('tr');
    tr.innerHTML = '<td></td><td></td>';
    tr.children[0].textContent = k; tr.children[1].textContent = v;
    $('attrs').appendChild(tr);
  }
  $('yaml').textContent = el.suggested ? el.suggested.yaml : '(no selector finds exactly this element)';
  $('specific').textContent = el.suggested && el.suggested.versionSpecific ? 'an obfuscated id: it changes with almost every TikTok version; put it under overrides: with an appVersion' : '';
  $('named').innerHTML = '';
  for (const m of el.named) {
    const li = document.createElement('li');
    li.textContent = m.name + (m.count === 1 ? ' (finds one)' : ' (finds ' + m.count + ')');
    $('named').appendChild(li);
  }
  if (!el.named.length) $('named').innerHTML = '<li>none</li>';
}
function render(d) {
  data = d;
  const img = $('shot');
  img.onload = () => {
    const k = img.clientHeight / d.height;
    document.querySelectorAll('.box').forEach((b) => b.remove());
    for (const el of d.elements) {
      const [l, t, r, b] = el.bounds;
      const box = document.createElement('div');
      box.className = 'box'; box.dataset.n = el.n; box.dataset.text = el.text; box.dataset.desc = el.desc;
      Object.assign(box.style, { left: l * k + 'px', top: t * k + 'px', width: (r - l) * k + 'px', height: (b - t) * k + 'px' });
      box.onclick = (e) => { e.stopPropagation(); show(el); };
      $('screen').appendChild(box);
    }
    $('status').textContent = 'capture ' + d.n + ', ' + d.elements.length + ' elements';
    $('files').textContent = 'saved: ' + d.files.join(', ');
  };
  img.src = 'data:image/png;base64,' + d.png;
}
async function load(method, path) {
  const r = await fetch(path + '?token=' + token, { method });
  if (!r.ok) throw new Error(await r.text());
  render(await r.json());
}
$('refresh').onclick = () => { $('status').textContent = 'capturing...'; load('POST', '/api/refresh').catch((e) => { $('status').textContent = e.message; }); };
load('GET', '/api/screen');
</script></body></html>`;

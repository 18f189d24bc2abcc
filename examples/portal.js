/**
 * The example portal's script (examples/portal.html): embeds the map from another origin and drives it
 * with the messages of the map's public contract (README "Embedding and automation"):
 *   in:  belt:set-stages {stages} · belt:set-filters {segments?, counties?, zones?, precision?}
 *        belt:set-view {lon, lat, zoom} · belt:select {id} · belt:get-state
 *   out: belt:ready · belt:state {stages, filters, counts, levels} · belt:selected {id, name, stage}
 * Messages go to the map's origin only, and only the map's messages are read.
 */

/** Where the map is deployed (edit for your portal); `?map=` on this page's address overrides it. */
const MAP_URL = 'https://map.example.gov.cn/portal/belt/';

const mapUrl = new URL(new URLSearchParams(location.search).get('map') || MAP_URL, location.href);
const MAP_ORIGIN = mapUrl.origin;
const frame = document.getElementById('belt-map');
mapUrl.searchParams.set('embed', '1');
frame.src = mapUrl.href;

/** Every message received from the map, in order (the end-to-end tests read it). */
window.received = [];

/** Sends one message to the map, to its origin only. */
function send(msg) {
  frame.contentWindow?.postMessage(msg, MAP_ORIGIN);
}
window.send = send;

const log = document.getElementById('log');
const summary = document.getElementById('summary');

window.addEventListener('message', (ev) => {
  // Only the map's own frame and origin: anything else is ignored.
  if (ev.origin !== MAP_ORIGIN || ev.source !== frame.contentWindow) return;
  const msg = ev.data;
  if (typeof msg !== 'object' || msg === null || typeof msg.type !== 'string') return;
  window.received.push({ origin: ev.origin, data: msg });
  const li = document.createElement('li');
  // Text, never HTML: names in the data reach this page too.
  li.textContent = `${msg.type} ${JSON.stringify(msg).slice(0, 200)}`;
  log.prepend(li);
  if (msg.type === 'belt:state') {
    const parts = Object.entries(msg.counts ?? {}).map(([k, n]) => `${k} ${n}`);
    summary.textContent = `显示环节：${(msg.stages ?? []).join('、') || '无'}；各环节企业数：${parts.join('，')}`;
    for (const box of document.querySelectorAll('input[name=stage]'))
      box.checked = msg.stages.includes(box.value);
  } else if (msg.type === 'belt:selected') {
    summary.textContent = `已选中：${msg.name}（${msg.id}）`;
  } else if (msg.type === 'belt:ready') {
    summary.textContent = '地图已就绪';
  }
});

for (const box of document.querySelectorAll('input[name=stage]')) {
  box.addEventListener('change', () => {
    const stages = [...document.querySelectorAll('input[name=stage]:checked')].map((b) => b.value);
    send({ type: 'belt:set-stages', stages });
  });
}
document.getElementById('apply-filters').addEventListener('click', () => {
  const v = document.getElementById('counties').value.trim();
  send({ type: 'belt:set-filters', counties: v ? v.split(/[,，\s]+/).filter(Boolean) : null });
});
for (const b of document.querySelectorAll('button[data-view]')) {
  b.addEventListener('click', () => {
    const [lon, lat, zoom] = b.dataset.view.split(',').map(Number);
    send({ type: 'belt:set-view', lon, lat, zoom });
  });
}
document.getElementById('select').addEventListener('click', () => {
  send({ type: 'belt:select', id: document.getElementById('select-id').value.trim() });
});
document.getElementById('get-state').addEventListener('click', () => send({ type: 'belt:get-state' }));

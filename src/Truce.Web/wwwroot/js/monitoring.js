// The monitoring pages' maps, over the same offline basemap as the geography page (Natural Earth countries
// from world-atlas, served by Truce) with the line of contact of the time:
//  - #monitoring-map: the observations of a window of days, as markers lettered and coloured by their worst
//    finding, clustered at low zoom; asked again of /api/v1/observations/map (debounced) at every move,
//    zoom, slide of the window or change of a filter;
//  - #observation-map: one observation, its point with its radius or its observer's bearing sector;
//  - #report-map: a click sets the report form's latitude and longitude.
// Every request goes to Truce itself. What has been drawn is written to the map's data-drawn (and, for the
// monitoring map, data-fetches and data-truncated), for people reading the page's state and for the tests.
(function () {
  'use strict';

  const DAY = 86400000;
  const ukraine = [[44.2, 22.1], [52.4, 40.3]];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const verdictWords = { 'violation': 'Violation', 'undetermined': 'Undetermined', 'not-a-violation': 'Not a violation', 'none': 'No finding' };
  const verdictLetters = { 'violation': 'V', 'undetermined': 'U', 'not-a-violation': 'N', 'none': '–' };
  const rank = { 'none': 0, 'not-a-violation': 1, 'undetermined': 2, 'violation': 3 };

  const words = (kebab) => (kebab ? kebab.charAt(0).toUpperCase() + kebab.slice(1).replaceAll('-', ' ') : '');
  const pad = (n) => String(n).padStart(2, '0');
  const day = (date) => `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const instant = (text) => {
    const d = new Date(text);
    return `${day(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  };
  const isoDay = (date) => date.toISOString().slice(0, 10);
  const number = (n) => n.toLocaleString('en-GB');

  async function json(url, signal) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
    if (!response.ok) {
      let detail = `${response.status}`;
      try {
        const problem = await response.json();
        const errors = problem.errors ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(' ')}`) : [];
        detail = errors.length > 0 ? errors.join('; ') : (problem.detail || problem.title || detail);
      } catch {
        // not a problem document; the status says enough
      }
      throw new Error(detail);
    }
    return response.json();
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function newMap(container, options) {
    const map = L.map(container, Object.assign({ minZoom: 3, maxZoom: 16, zoomSnap: 0.5 }, options));
    map.attributionControl.setPrefix(false);
    return map;
  }

  const basemap = (map) => window.truceBasemap(map);

  const layerStyles = {
    'oblasts': { color: '#8a8a8a', weight: 1, fillOpacity: 0 },
    'line-of-contact': { color: '#c23b22', weight: 3 },
  };

  async function layerOf(version, style) {
    const features = await json(`/api/v1/geography/layers/${version.id}/features`);
    const layer = L.geoJSON(features, { style, attribution: version.licence || '', interactive: false });
    layer.featureCount = features.features.length;
    return layer;
  }

  const lineOfContact = (version) => layerOf(version, layerStyles['line-of-contact']);

  function failed(container, error) {
    container.dataset.error = String(error);
    const note = element('p', `The map could not be drawn: ${error}`, 'error');
    note.setAttribute('role', 'alert');
    container.after(note);
  }

  function place(o) {
    const parts = [];
    if (o.oblast) parts.push(`oblast ${o.oblast}`);
    if (o.raion) parts.push(`raion ${o.raion}`);
    if (o.side) parts.push(`${o.side} side`);
    if (o.lineDistanceKm !== null && o.lineDistanceKm !== undefined) parts.push(`${o.lineDistanceKm.toFixed(1)} km from the line of contact`);
    return parts.length > 0 ? parts.join(', ') : 'outside the oblasts and lines Truce holds for its time';
  }

  // The monitoring map.
  async function monitoringMap(container) {
    const data = JSON.parse(document.getElementById('monitoring-data').textContent);
    const form = document.getElementById('monitoring-filters');
    const slider = document.getElementById('map-slider');
    const days = document.getElementById('map-days');
    const windowText = document.getElementById('map-window');
    const status = document.getElementById('map-status');
    const listLink = document.getElementById('list-link');
    const first = new Date(`${data.first}T00:00:00Z`);
    const drawn = {};
    const said = (name, count) => {
      drawn[name] = count;
      container.dataset.drawn = JSON.stringify(drawn);
    };
    const details = new Map();
    let fetches = 0;
    let controller = null;
    let timer = null;

    const map = newMap(container).fitBounds(ukraine);
    const cluster = L.markerClusterGroup({
      maxClusterRadius: 50,
      chunkedLoading: true,
      showCoverageOnHover: false,
      iconCreateFunction: (group) => {
        let worst = 'none';
        for (const child of group.getAllChildMarkers()) {
          if (rank[child.verdict] > rank[worst]) {
            worst = child.verdict;
          }
        }
        const n = group.getChildCount();
        const size = n < 10 ? 'small' : n < 100 ? 'medium' : 'large';
        return L.divIcon({
          html: `<div><span>${n}</span></div><b class="cluster-letter">${verdictLetters[worst]}</b>`,
          className: `marker-cluster marker-cluster-${size} cluster-${worst}`,
          iconSize: L.point(40, 40),
        });
      },
    }).addTo(map);
    // A cluster read aloud: how many, and the worst among them (its letter and colour say the same to the eye).
    cluster.on('animationend', label);
    map.on('zoomend', label);
    function label() {
      container.querySelectorAll('.marker-cluster').forEach((icon) => {
        const n = icon.querySelector('span')?.textContent || '';
        const worst = Object.keys(rank).find((v) => icon.classList.contains(`cluster-${v}`)) || 'none';
        icon.setAttribute('role', 'button');
        icon.setAttribute('aria-label', `${n} observations; worst finding: ${verdictWords[worst]}. Enter to zoom in.`);
        icon.title = `${n} observations; worst finding: ${verdictWords[worst]}`;
      });
    }

    function windowOf() {
      const end = new Date(first.getTime() + Number(slider.value) * DAY);
      const from = new Date(end.getTime() - (Number(days.value) - 1) * DAY);
      const to = new Date(end.getTime() + DAY - 1000);
      return { from, end, to };
    }

    function filters() {
      const chosen = {};
      for (const name of ['type', 'verdict', 'source', 'side']) {
        const value = form.elements[name].value.trim();
        if (value) {
          chosen[name] = value;
        }
      }
      return chosen;
    }

    function box() {
      const b = map.getBounds();
      const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v)).toFixed(5);
      return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(',');
    }

    // The oblasts and the line of contact in force at the window's end, each version drawn once and swapped
    // as the window moves; the line above the oblasts, both under the markers.
    const versions = new Map();
    const shown = {};
    async function showLayer(kind, end) {
      const date = isoDay(end);
      const version = data.layers.find((v) => v.kind === kind && v.validFrom <= date && (!v.validUntil || date < v.validUntil));
      if (shown[kind] && (!version || shown[kind].version !== version.id)) {
        map.removeLayer(shown[kind].layer);
        delete shown[kind];
      }
      if (!version) {
        said(kind, 0);
        return;
      }
      if (!versions.has(version.id)) {
        versions.set(version.id, layerOf(version, layerStyles[kind]));
      }
      const layer = await versions.get(version.id);
      if (!shown[kind]) {
        layer.addTo(map);
        shown[kind] = { version: version.id, layer };
      }
      if (kind === 'line-of-contact') {
        layer.bringToFront();
      }
      said(kind, layer.featureCount);
    }
    const showLayers = (end) => Promise.all(Object.keys(layerStyles).map((kind) => showLayer(kind, end)));

    function describeWindow() {
      const w = windowOf();
      windowText.textContent = `${day(w.from)} – ${day(w.end)}`;
      const query = new URLSearchParams(Object.assign({ from: isoDay(w.from), to: isoDay(w.end) }, filters()));
      listLink.href = `/monitoring/list?${query}`;
      history.replaceState(null, '', `?${new URLSearchParams(Object.assign({ days: days.value, end: isoDay(w.end) }, filters()))}`);
      return w;
    }

    function schedule() {
      describeWindow();
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    }

    function marker(feature) {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const title = `${words(p.type)}, ${instant(p.observedFrom)}: ${verdictWords[p.verdict]}`;
      const m = L.marker([lat, lon], {
        icon: L.divIcon({ className: `obs-marker verdict-${p.verdict}`, html: verdictLetters[p.verdict] || '?', iconSize: [22, 22] }),
        title,
        keyboard: true,
        riseOnHover: true,
      });
      m.verdict = p.verdict;
      m.on('add', () => {
        const icon = m.getElement();
        icon.setAttribute('role', 'button');
        icon.setAttribute('aria-label', `${title}. Enter for details.`);
      });
      m.bindPopup(() => popup(p), { maxWidth: 340 });
      m.on('popupopen', (event) => fill(p.id, event.popup.getElement()));
      return m;
    }

    function popup(p) {
      const box = element('div', null, 'observation-popup');
      box.dataset.id = p.id;
      const heading = element('strong', words(p.type));
      box.append(heading);
      if (p.count > 1) {
        box.append(` ×${number(p.count)}`);
      }
      const list = element('dl');
      const row = (term, value) => {
        list.append(element('dt', term));
        const dd = element('dd');
        dd.append(value);
        list.append(dd);
        return dd;
      };
      row('When', instant(p.observedFrom));
      row('Finding', element('span', verdictWords[p.verdict], `verdict verdict-${p.verdict}`));
      row('Source', p.source);
      row('Place', 'Loading…').className = 'popup-place';
      box.append(list);
      const link = element('a', 'Open the observation');
      link.href = `/monitoring/${p.id}`;
      box.append(link);
      return box;
    }

    async function fill(id, popupElement) {
      const target = popupElement && popupElement.querySelector('.popup-place');
      if (!target) {
        return;
      }
      try {
        if (!details.has(id)) {
          details.set(id, json(`/api/v1/observations/${id}`));
        }
        const o = await details.get(id);
        target.textContent = place(o);
      } catch (error) {
        details.delete(id);
        target.textContent = `could not be read (${error.message})`;
      }
    }

    async function refresh() {
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      const w = describeWindow();
      const query = new URLSearchParams(Object.assign({ from: w.from.toISOString(), to: w.to.toISOString(), bbox: box(), limit: '5000' }, filters()));
      container.dataset.loading = 'true';
      status.textContent = 'Loading the observations…';
      try {
        const [points] = await Promise.all([json(`${data.points}?${query}`, controller.signal), showLayers(w.end)]);
        cluster.clearLayers();
        cluster.addLayers(points.features.map(marker));
        label();
        said('observations', points.features.length);
        container.dataset.truncated = String(points.truncated);
        status.classList.toggle('truncated', points.truncated);
        status.textContent = points.truncated
          ? `Showing ${number(points.count)} of more — zoom in or narrow the window to see them all.`
          : `${number(points.count)} observation${points.count === 1 ? '' : 's'} from ${day(w.from)} to ${day(w.end)} in view.`;
      } catch (error) {
        if (error.name === 'AbortError') {
          return;
        }
        status.classList.add('truncated');
        status.textContent = `The observations could not be read: ${error.message}`;
      }
      container.dataset.loading = 'false';
      container.dataset.fetches = String(++fetches);
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      refresh();
    });
    slider.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    form.elements.source.addEventListener('input', schedule);
    map.on('moveend', schedule);

    try {
      said('basemap', await basemap(map));
    } catch (error) {
      failed(container, error);
    }
    clearTimeout(timer);
    await refresh();
  }

  // Where a bearing and a distance from a point lead, on a sphere.
  function destination(lat, lon, bearing, metres) {
    const r = Math.PI / 180;
    const d = metres / 6371008.8;
    const [p1, l1, t] = [lat * r, lon * r, bearing * r];
    const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
    const l2 = l1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return [p2 / r, l2 / r];
  }

  function sectorShape(lat, lon, from, to, min, max) {
    const end = to < from ? to + 360 : to;
    const steps = Math.max(8, Math.ceil((end - from) / 3));
    const outer = [];
    const inner = [];
    for (let i = 0; i <= steps; i++) {
      const bearing = from + ((end - from) * i) / steps;
      outer.push(destination(lat, lon, bearing, max));
      if (min > 0) {
        inner.unshift(destination(lat, lon, bearing, min));
      }
    }
    return L.polygon(min > 0 ? outer.concat(inner) : [[lat, lon]].concat(outer), { color: '#2f6690', weight: 2, fillOpacity: 0.15 });
  }

  const pointIcon = () => L.divIcon({ className: 'report-marker', iconSize: [14, 14] });

  // One observation's small map.
  async function observationMap(container) {
    const d = container.dataset;
    const [lat, lon, radius] = [Number(d.lat), Number(d.lon), Number(d.radius)];
    const map = newMap(container).setView([lat, lon], 9);
    const drawn = {};
    try {
      drawn.basemap = await basemap(map);
      if (d.line) {
        const line = await lineOfContact({ id: d.line, licence: d.lineLicence });
        line.addTo(map);
        drawn['line-of-contact'] = line.featureCount;
      }
      let shape = null;
      if (d.sector) {
        const [from, to, min, max] = d.sector.split(',').map(Number);
        shape = sectorShape(lat, lon, from, to, min, max);
      } else if (radius > 0) {
        shape = L.circle([lat, lon], { radius, color: '#2f6690', weight: 2, fillOpacity: 0.15 });
      }
      if (shape) {
        shape.addTo(map);
        map.fitBounds(shape.getBounds(), { padding: [20, 20], maxZoom: 13 });
      }
      L.marker([lat, lon], { icon: pointIcon(), title: d.sector ? "The observer's position" : 'Where it was observed', keyboard: false }).addTo(map);
      drawn.observation = 1;
      container.dataset.drawn = JSON.stringify(drawn);
    } catch (error) {
      failed(container, error);
    }
  }

  // The report form's map: a click sets the latitude and longitude; typed ones move the mark.
  async function reportMap(container) {
    const latInput = document.getElementById('lat');
    const lonInput = document.getElementById('lon');
    const map = newMap(container).fitBounds(ukraine);
    let mark = null;
    const show = (lat, lon) => {
      if (mark) {
        mark.setLatLng([lat, lon]);
      } else {
        mark = L.marker([lat, lon], { icon: pointIcon(), title: 'The position reported', keyboard: false }).addTo(map);
      }
    };
    const typed = () => {
      const [lat, lon] = [Number.parseFloat(latInput.value), Number.parseFloat(lonInput.value)];
      if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        show(lat, lon);
      }
    };
    map.on('click', (event) => {
      const { lat, lng } = event.latlng.wrap();
      latInput.value = lat.toFixed(5);
      lonInput.value = lng.toFixed(5);
      show(lat, lng);
    });
    latInput.addEventListener('change', typed);
    lonInput.addEventListener('change', typed);
    typed();
    try {
      const drawn = { basemap: await basemap(map) };
      const inForce = await json('/api/v1/geography/in-force');
      const version = inForce.find((v) => v.kind === 'line-of-contact');
      if (version) {
        const line = await lineOfContact(version);
        line.addTo(map);
        drawn['line-of-contact'] = line.featureCount;
      }
      container.dataset.drawn = JSON.stringify(drawn);
    } catch (error) {
      failed(container, error);
    }
  }

  const monitoring = document.getElementById('monitoring-map');
  if (monitoring) {
    monitoringMap(monitoring);
  }
  const observation = document.getElementById('observation-map');
  if (observation) {
    observationMap(observation);
  }
  const report = document.getElementById('report-map');
  if (report) {
    reportMap(report);
  }
})();

// The daily report's page: its print button, and the map of the period's events over the offline basemap
// (js/basemap.js), each a circle coloured by what the report counted it as. The events travel in
// #report-data; nothing is fetched but Truce's own basemap. What was drawn is written to the map's
// data-drawn, for people reading the page's state and for the tests.
(function () {
  'use strict';

  const print = document.getElementById('print-report');
  if (print) {
    print.addEventListener('click', () => window.print());
  }

  const container = document.getElementById('report-map');
  if (!container) {
    return;
  }

  const data = JSON.parse(document.getElementById('report-data').textContent);
  const words = (kebab) => (kebab ? kebab.charAt(0).toUpperCase() + kebab.slice(1).replaceAll('-', ' ') : '');
  const colour = (e) => (e.isViolation ? '#a4161a' : e.isExplosion ? '#d9822b' : e.restriction ? '#2f6690' : '#6b7780');

  const map = L.map(container, { minZoom: 3, maxZoom: 14, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.fitBounds([[44.2, 22.1], [52.4, 40.3]]);

  function popup(e) {
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = `${words(e.type)}${e.count > 1 ? ` (${e.count})` : ''}`;
    box.append(title);
    const lines = [
      e.at,
      `${e.isViolation ? 'Ceasefire violation' : `Finding: ${words(e.verdict)}`}${e.oblast ? `, ${e.oblast}` : ''}`,
      e.state ? `Incident, ${words(e.state).toLowerCase()}, ${e.reports} report${e.reports === 1 ? '' : 's'}` : 'One report',
    ];
    for (const text of lines) {
      const line = document.createElement('div');
      line.textContent = text;
      box.append(line);
    }
    return box;
  }

  window.truceBasemap(map)
    .then((countries) => {
      const points = data.events.map((e) => L.circleMarker([e.lat, e.lon], {
        radius: 6, color: '#fff', weight: 1, fillColor: colour(e), fillOpacity: 0.9,
      }).bindPopup(() => popup(e)).addTo(map));
      if (points.length > 0) {
        map.fitBounds(L.featureGroup(points).getBounds().pad(0.2), { maxZoom: 9 });
      }
      container.dataset.drawn = JSON.stringify({ basemap: countries, events: points.length });
    })
    .catch((error) => {
      container.dataset.error = String(error);
      const note = document.createElement('p');
      note.className = 'error';
      note.setAttribute('role', 'alert');
      note.textContent = `The map could not be drawn: ${error}`;
      container.after(note);
    });
})();

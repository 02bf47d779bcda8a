// The incident page's map: the offline basemap (basemap.js) and a circle per observation of the incident,
// labelled with its source, fitted to them. What was drawn goes into the map's data-drawn, for the tests.
(function () {
  'use strict';

  const container = document.getElementById('incident-map');
  if (!container) {
    return;
  }

  const points = (container.dataset.points || '').split(';').filter((p) => p.length > 0).map((p) => {
    const [lat, lon, source] = p.split(',');
    return { lat: Number(lat), lon: Number(lon), source };
  });
  const map = L.map(container, { minZoom: 3, maxZoom: 16, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.setView([Number(container.dataset.lat), Number(container.dataset.lon)], 12);
  window.truceBasemap(map).then(() => {
    const markers = points.map((p) => L.circleMarker([p.lat, p.lon], { radius: 7, color: '#7a1f1f', weight: 2, fillOpacity: 0.5 })
      .bindTooltip(p.source)
      .addTo(map));
    if (markers.length > 1) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.5), { maxZoom: 14 });
    }
    container.dataset.drawn = String(markers.length);
  }).catch((error) => {
    container.dataset.drawn = 'failed';
    container.insertAdjacentText('afterend', `The map could not be drawn: ${error.message}`);
  });
})();

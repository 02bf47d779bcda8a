// Draws the geography page's map from #map-data: the offline basemap (Natural Earth countries from
// world-atlas, served by Truce), each layer in force on the chosen date, and the zones. Every request goes
// to Truce itself. What has been drawn is written to #map's data-drawn, for people reading the page's state
// and for the browser test.
(async function () {
  'use strict';
  const element = document.getElementById('map');
  const data = JSON.parse(document.getElementById('map-data').textContent);
  const drawn = {};
  const said = (name, count) => {
    drawn[name] = count;
    element.dataset.drawn = JSON.stringify(drawn);
  };

  const map = L.map(element, { minZoom: 4, maxZoom: 12, zoomSnap: 0.5 }).fitBounds([[44.2, 22.1], [52.4, 40.3]]);
  map.attributionControl.setPrefix(false);

  const styles = {
    'oblasts': { color: '#6b6b6b', weight: 1, fillOpacity: 0 },
    'raions': { color: '#9a9a9a', weight: 0.5, dashArray: '2 3', fillOpacity: 0 },
    'line-of-contact': { color: '#c23b22', weight: 3 },
    'control-area': { color: '#c23b22', weight: 0, fillColor: '#c23b22', fillOpacity: 0.12 },
    'baseline': { color: '#7b2cbf', weight: 2, dashArray: '6 4' },
    'sectors': { color: '#2f6690', weight: 1.5, fillOpacity: 0.05 },
    'maritime-zones': { color: '#1d70a2', weight: 1, fillOpacity: 0.08 },
  };

  async function json(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`${url}: ${response.status}`);
    }
    return response.json();
  }

  try {
    said('basemap', await window.truceBasemap(map));

    const control = L.control.layers(null, null, { collapsed: false }).addTo(map);
    for (const layer of data.layers) {
      const features = await json(`/api/v1/geography/layers/${layer.id}/features`);
      const drawnLayer = L.geoJSON(features, {
        style: styles[layer.kind] || { color: '#333', weight: 1 },
        attribution: layer.licence || '',
        onEachFeature: (feature, shape) => {
          const name = feature.properties.name || feature.properties.code;
          if (name) {
            shape.bindTooltip(name, { sticky: true });
          }
        },
      });
      if (layer.on) {
        drawnLayer.addTo(map);
      }
      control.addOverlay(drawnLayer, layer.title);
      said(layer.key, features.features.length);
    }

    const zones = await json(data.zones);
    const zoneLayer = L.geoJSON(zones, {
      style: () => ({ color: '#7b2cbf', weight: 1, fillColor: '#7b2cbf', fillOpacity: 0.1 }),
      onEachFeature: (feature, shape) => {
        const p = feature.properties;
        shape.bindTooltip(p.weaponClass ? `${p.actor}: ${p.weaponClass.replaceAll('-', ' ')}, ${p.distanceKm} km` : p.name, { sticky: true });
      },
    }).addTo(map);
    control.addOverlay(zoneLayer, 'Zones of the provisions');
    if (data.provision && zones.features.length > 0) {
      map.fitBounds(zoneLayer.getBounds(), { padding: [20, 20] });
    }
    said('zones', zones.features.length);
  } catch (error) {
    element.dataset.error = String(error);
    const note = document.createElement('p');
    note.className = 'error';
    note.setAttribute('role', 'alert');
    note.textContent = `The map could not be drawn: ${error}`;
    element.after(note);
  }
})();

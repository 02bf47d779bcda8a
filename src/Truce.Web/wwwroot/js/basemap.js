// The offline basemap every map of Truce draws first: Natural Earth's countries from world-atlas, served by
// Truce itself (nothing is fetched from outside). Returns how many countries were drawn.
window.truceBasemap = async function (map) {
  'use strict';
  const response = await fetch('/lib/world-atlas/countries-50m.json', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`/lib/world-atlas/countries-50m.json: ${response.status}`);
  }
  const world = await response.json();
  const countries = topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, {
    style: { color: '#b8b2a7', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 },
    attribution: 'Countries: Natural Earth (public domain), world-atlas',
    interactive: false,
  }).addTo(map);
  return countries.features.length;
};

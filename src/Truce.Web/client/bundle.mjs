// Copies the front-end packages Truce serves into wwwroot/lib, with their licences.
// Runs at build time only; the running server never reaches npm or any CDN.
import { cpSync, mkdirSync } from 'node:fs';

const files = [
  ['node_modules/chart.js/dist/chart.umd.min.js', '../wwwroot/lib/chart.js/chart.umd.min.js'],
  ['node_modules/chart.js/dist/chart.umd.min.js.map', '../wwwroot/lib/chart.js/chart.umd.min.js.map'],
  ['node_modules/chart.js/LICENSE.md', '../wwwroot/lib/chart.js/LICENSE.md'],
  ['node_modules/leaflet/dist/leaflet.js', '../wwwroot/lib/leaflet/leaflet.js'],
  ['node_modules/leaflet/dist/leaflet.css', '../wwwroot/lib/leaflet/leaflet.css'],
  ['node_modules/leaflet/dist/images', '../wwwroot/lib/leaflet/images'],
  ['node_modules/leaflet/LICENSE', '../wwwroot/lib/leaflet/LICENSE'],
  // Clusters of markers at low zoom, for the monitoring map.
  ['node_modules/leaflet.markercluster/dist/leaflet.markercluster.js', '../wwwroot/lib/leaflet.markercluster/leaflet.markercluster.js'],
  ['node_modules/leaflet.markercluster/dist/leaflet.markercluster.js.map', '../wwwroot/lib/leaflet.markercluster/leaflet.markercluster.js.map'],
  ['node_modules/leaflet.markercluster/dist/MarkerCluster.css', '../wwwroot/lib/leaflet.markercluster/MarkerCluster.css'],
  ['node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css', '../wwwroot/lib/leaflet.markercluster/MarkerCluster.Default.css'],
  ['node_modules/leaflet.markercluster/MIT-LICENCE.txt', '../wwwroot/lib/leaflet.markercluster/MIT-LICENCE.txt'],
  ['node_modules/topojson-client/dist/topojson-client.min.js', '../wwwroot/lib/topojson-client/topojson-client.min.js'],
  ['node_modules/topojson-client/LICENSE', '../wwwroot/lib/topojson-client/LICENSE'],
  // The offline basemap: Natural Earth's countries at 1:50m, as TopoJSON (public domain; world-atlas is ISC).
  ['node_modules/world-atlas/countries-50m.json', '../wwwroot/lib/world-atlas/countries-50m.json'],
  ['node_modules/world-atlas/LICENSE', '../wwwroot/lib/world-atlas/LICENSE'],
  // The SignalR client, for alerts shown live (its browser build; MIT, declared in its package.json: it ships no LICENSE file).
  ['node_modules/@microsoft/signalr/dist/browser/signalr.min.js', '../wwwroot/lib/signalr/signalr.min.js'],
  ['node_modules/@microsoft/signalr/dist/browser/signalr.min.js.map', '../wwwroot/lib/signalr/signalr.min.js.map'],
  ['node_modules/@microsoft/signalr/package.json', '../wwwroot/lib/signalr/package.json'],
];

for (const [from, to] of files) {
  mkdirSync(to.substring(0, to.lastIndexOf('/')), { recursive: true });
  cpSync(from, to, { recursive: true });
}

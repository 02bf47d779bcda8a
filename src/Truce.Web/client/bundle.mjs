// Copies the front-end packages Truce serves into wwwroot/lib, with their licences.
// Runs at build time only; the running server never reaches npm or any CDN.
import { cpSync, mkdirSync } from 'node:fs';

const files = [
  ['node_modules/chart.js/dist/chart.umd.min.js', '../wwwroot/lib/chart.js/chart.umd.min.js'],
  ['node_modules/chart.js/dist/chart.umd.min.js.map', '../wwwroot/lib/chart.js/chart.umd.min.js.map'],
  ['node_modules/chart.js/LICENSE.md', '../wwwroot/lib/chart.js/LICENSE.md'],
];

for (const [from, to] of files) {
  mkdirSync(to.substring(0, to.lastIndexOf('/')), { recursive: true });
  cpSync(from, to);
}

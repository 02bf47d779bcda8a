// Draws the planning page's shortfall chart from the figures rendered into #planning-data.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('planning-data').textContent);
  const datasets = [
    { label: 'Covered', data: data.lines.map((l) => Math.round(l.covered * 1000) / 10), backgroundColor: '#3a7d44', stack: 'plan' },
    { label: 'Missing', data: data.lines.map((l) => Math.round(l.missing * 1000) / 10), backgroundColor: '#c23b22', stack: 'plan' },
  ];
  if (data.baseline) {
    datasets.push({ label: 'Base case covered', data: data.baseline.map((v) => Math.round(v * 1000) / 10), backgroundColor: '#9db4c0', stack: 'base' });
  }
  new Chart(document.getElementById('shortfall-chart'), {
    type: 'bar',
    data: { labels: data.lines.map((l) => l.label), datasets },
    options: {
      animation: false,
      indexAxis: 'y',
      scales: { x: { stacked: true, max: 100, title: { display: true, text: '% of the requirement' } }, y: { stacked: true } },
    },
  });
})();

// Draws the dashboard charts from the figures the server rendered into #dashboard-data.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const label = (k) => k.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

  new Chart(document.getElementById('troops-chart'), {
    type: 'bar',
    data: {
      labels: ['All troops pledged', 'Need a US backstop', 'Need a UN mandate', 'Need either'],
      datasets: [{
        label: 'Troops',
        data: [data.troopsPledged, data.troopsNeedingUsBackstop, data.troopsNeedingUnMandate, data.troopsNeedingEither],
        backgroundColor: ['#2f6690', '#d9822b', '#c23b22', '#8c2d19'],
      }],
    },
    options: { animation: false, plugins: { legend: { display: false } }, indexAxis: 'y' },
  });

  const categories = [...new Set(data.byCategoryAndStage.map((r) => r.category))];
  const stages = ['announced', 'committed', 'allocated', 'delivered', 'disbursed', 'withdrawn'];
  const colours = ['#9db4c0', '#5c6b73', '#2f6690', '#3a7d44', '#81b29a', '#bbbbbb'];
  new Chart(document.getElementById('stage-chart'), {
    type: 'bar',
    data: {
      labels: categories.map(label),
      datasets: stages.map((stage, i) => ({
        label: label(stage),
        data: categories.map((c) => (data.byCategoryAndStage.find((r) => r.category === c && r.stage === stage) || { count: 0 }).count),
        backgroundColor: colours[i],
      })).filter((d) => d.data.some((v) => v > 0)),
    },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } },
  });
})();

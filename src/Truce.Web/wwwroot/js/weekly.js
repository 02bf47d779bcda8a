// The weekly trend's charts: violations and explosions per report day, stacked by oblast, from the figures
// the server rendered into #weekly-data. Written to each canvas's data-drawn once drawn, for the tests.
(function () {
  'use strict';
  const block = document.getElementById('weekly-data');
  if (!block) {
    return;
  }

  const data = JSON.parse(block.textContent);
  const colours = ['#a4161a', '#2f6690', '#d9822b', '#3a7d44', '#5c6b73', '#8c2d19', '#9db4c0', '#c98a00', '#14213d', '#81b29a'];

  function chart(id, figure) {
    const canvas = document.getElementById(id);
    const datasets = data.series.map((s, i) => ({ label: s.oblast, data: s[figure], backgroundColor: colours[i % colours.length] }))
      .filter((d) => d.data.some((v) => v > 0));
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.days, datasets },
      options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
    canvas.dataset.drawn = JSON.stringify({ days: data.days.length, oblasts: datasets.length });
  }

  chart('violations-chart', 'violations');
  chart('explosions-chart', 'explosions');
})();

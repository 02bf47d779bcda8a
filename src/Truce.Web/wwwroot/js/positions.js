// The date slider of the positions matrix: each step is a day a position was stated; letting go shows that day.
(function () {
  'use strict';
  const slider = document.getElementById('at-slider');
  if (!slider) return;
  const dates = (slider.dataset.dates || '').split(',').filter(Boolean);
  const shown = document.getElementById('at-shown');
  const day = document.getElementById('at');
  slider.addEventListener('input', () => {
    shown.textContent = dates[slider.value] || '';
  });
  slider.addEventListener('change', () => {
    if (!dates[slider.value]) return;
    day.value = dates[slider.value];
    document.getElementById('positions-date').submit();
  });
})();

// Catalog filters: open beside the results on a wide screen, folded under their summary on a phone, where they
// would fill the first screen. Runs as the page is parsed (no flash); without scripts they simply stay open.
(function () {
  var panel = document.getElementById('catalog-filters');
  if (!panel || !window.matchMedia) return;
  var wide = window.matchMedia('(min-width: 861px)');
  var follow = function () {
    panel.open = wide.matches;
  };
  follow();
  if (wide.addEventListener) wide.addEventListener('change', follow);
})();

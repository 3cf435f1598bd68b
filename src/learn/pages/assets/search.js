// Filters the index's cases by name, error code or type, as typed; `?q=...` fills the box.
(function () {
  var input = document.getElementById('q');
  var count = document.getElementById('count');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.case'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.topic'));
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var shown = 0;
    items.forEach(function (li) {
      var hay = li.getAttribute('data-search');
      var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) shown++;
    });
    sections.forEach(function (s) {
      var all = s.querySelectorAll('li.case').length;
      var seen = s.querySelectorAll('li.case:not([hidden])').length;
      s.hidden = seen === 0;
      var n = s.querySelector('.n');
      if (n) n.textContent = words.length ? seen + ' of ' + all + ' pages' : all + ' pages';
    });
    document.body.classList.toggle('searching', words.length > 0);
    count.textContent = words.length
      ? shown + ' of ' + items.length + ' pages match \u201c' + input.value.trim() + '\u201d'
      : items.length + ' pages; type a case name, an error code (E0277) or a type (Rc, Mutex)';
  }
  var q = null;
  try { q = new URLSearchParams(window.location.search).get('q'); } catch (e) { q = null; }
  if (q) input.value = q;
  input.addEventListener('input', function () {
    apply();
    // Keep the query in the address, so that a filtered list can be bookmarked or shared.
    try {
      var url = new URL(window.location.href);
      if (input.value.trim()) url.searchParams.set('q', input.value.trim());
      else url.searchParams.delete('q');
      window.history.replaceState(null, '', url.toString());
    } catch (e) { /* file: URLs may refuse; the filter still works */ }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement !== input) {
      e.preventDefault();
      input.focus();
    }
  });
  apply();
})();

/* Keep a linked section (/edit/#section-id, e.g. from "Reviews due") in view
 * while the editor finishes building itself.
 *
 * The browser jumps to the anchor at once, but Wagtail then renders the
 * StreamField blocks above it and its own controllers move the scroll, which
 * leaves the section out of view (and a scroll asked for before the styles
 * apply does nothing). So, until the section has stayed in view for two
 * seconds after the page's load event (fifteen at most: a busy machine renders
 * late) or the person scrolls, types or clicks, it is brought back into view
 * whenever it is out of it. */
(function () {
  'use strict';

  var STILL_MS = 2000;
  var MAX_MS = 15000;
  var PERSON_EVENTS = ['wheel', 'keydown', 'mousedown', 'touchstart'];

  // At the top of the window, or wholly in it (a short page cannot bring a
  // section near its end to the top).
  function inView(rect) {
    return (rect.top >= -1 && rect.top < window.innerHeight / 2) ||
      (rect.top >= -1 && rect.bottom <= window.innerHeight);
  }

  function keepInView(id) {
    var started = Date.now();
    var movedAt = started;
    var stopped = false;
    var loaded = document.readyState === 'complete';
    function stop() {
      stopped = true;
      PERSON_EVENTS.forEach(function (name) { window.removeEventListener(name, stop, true); });
    }
    function check() {
      var now = Date.now();
      var still = loaded && now - movedAt > STILL_MS;
      if (stopped || still || now - started > MAX_MS) { stop(); return; }
      // Looked up each time: the editor's scripts may replace the element.
      var target = document.getElementById(id);
      if (target && !inView(target.getBoundingClientRect())) {
        target.scrollIntoView({ block: 'start' });
        movedAt = now;
      }
      window.requestAnimationFrame(check);
    }
    PERSON_EVENTS.forEach(function (name) { window.addEventListener(name, stop, true); });
    // Scripts that load late may still move it: stillness counts from load.
    window.addEventListener('load', function () { loaded = true; movedAt = Date.now(); });
    check();
  }

  function init() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id && document.getElementById(id)) { keepInView(id); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

/* Live SMS length counter for SMS answers and staff replies (mirrors
 * sms/segments.py). Shows characters, encoding and segments, including the
 * helpline footer appended to automatic replies (data-sms-suffix; wording in
 * data-sms-counted-with and data-sms-empty). No dependencies. */
(function () {
  'use strict';

  var SINGLE = { 'GSM-7': 160, 'UCS-2': 70 };
  var PART = { 'GSM-7': 153, 'UCS-2': 67 };

  function analyse(text, basic, extension) {
    var chars = Array.from(text);
    var gsm = chars.every(function (c) { return basic.has(c) || extension.has(c); });
    var encoding = gsm ? 'GSM-7' : 'UCS-2';
    var units = chars.map(function (c) {
      return gsm ? (extension.has(c) ? 2 : 1) : (c.codePointAt(0) > 0xffff ? 2 : 1);
    });
    var total = units.reduce(function (a, b) { return a + b; }, 0);
    var segments = 0;
    if (total > 0 && total <= SINGLE[encoding]) {
      segments = 1;
    } else if (total > 0) {
      var used = 0;
      segments = 1;
      units.forEach(function (size) {
        if (used + size > PART[encoding]) { segments += 1; used = 0; }
        used += size;
      });
    }
    return { encoding: encoding, characters: chars.length, units: total, segments: segments };
  }

  function attach(textarea) {
    if (textarea.dataset.smsCounterAttached) { return; }
    textarea.dataset.smsCounterAttached = 'true';
    var basic = new Set(Array.from(textarea.dataset.gsmBasic || ''));
    var extension = new Set(Array.from(textarea.dataset.gsmExtension || ''));
    var replacements = JSON.parse(textarea.dataset.smsReplacements || '{}');
    var suffix = textarea.dataset.smsSuffix || '';
    var maxSegments = parseInt(textarea.dataset.smsMaxSegments || '3', 10);
    var countedWith = textarea.dataset.smsCountedWith === undefined ? ' with the helpline' : textarea.dataset.smsCountedWith;
    var emptyText = textarea.dataset.smsEmpty || 'Empty: the linked topic\'s SMS summary is used.';
    var output = document.createElement('p');
    output.className = 'help sms-counter';
    output.setAttribute('aria-live', 'polite');
    textarea.insertAdjacentElement('afterend', output);

    function update() {
      var body = Array.from(textarea.value.trim()).map(function (c) {
        return Object.prototype.hasOwnProperty.call(replacements, c) ? replacements[c] : c;
      }).join('');
      if (!body) { output.textContent = emptyText; return; }
      var info = analyse(body + suffix, basic, extension);
      var text = info.characters + ' characters' + countedWith + ', ' + info.encoding + ', ' +
        info.segments + ' of ' + maxSegments + ' segment' + (maxSegments === 1 ? '' : 's');
      if (info.segments > maxSegments) {
        var capacity = maxSegments === 1 ? SINGLE[info.encoding] : PART[info.encoding] * maxSegments;
        text += ': too long by ' + Math.max(info.units - capacity, 1);
        output.style.color = '#cd4444';
      } else {
        output.style.color = '';
      }
      if (info.encoding === 'UCS-2') { text += ' (a character outside GSM-7 halves the space)'; }
      output.textContent = text;
    }
    textarea.addEventListener('input', update);
    update();
  }

  var SELECTOR = 'textarea[data-sms-counter]';

  function attachWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) { return; }
    if (node.matches(SELECTOR)) { attach(node); }
    node.querySelectorAll(SELECTOR).forEach(attach);
  }

  function init() {
    attachWithin(document.body);
    // Answers added after load ("Add SMS answer" inserts a new form) get one too.
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) { mutation.addedNodes.forEach(attachWithin); });
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (typeof module !== 'undefined' && module.exports) {
    // Node (tests/sms/test_counter_js.py checks it counts as sms/segments.py does).
    module.exports = { analyse: analyse };
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

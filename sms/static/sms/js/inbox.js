/* The helpline inbox: live refresh without reloading the page, canned
 * replies, and WhatsApp's character count. No dependencies.
 *
 * An element with data-inbox-refresh-url is fetched again every
 * data-inbox-refresh-seconds; its contents are replaced when the answer
 * differs. With data-inbox-version the server answers 204 while nothing
 * changed, and sends the new version in X-Inbox-Version. Forms are outside
 * the refreshed part, so nothing typed is lost. */
(function () {
  'use strict';

  function startRefresh(container) {
    var seconds = parseInt(container.dataset.inboxRefreshSeconds || '10', 10);
    function poll() {
      var url = new URL(container.dataset.inboxRefreshUrl, window.location.href);
      if (container.dataset.inboxVersion) { url.searchParams.set('version', container.dataset.inboxVersion); }
      fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
        .then(function (response) {
          if (response.status !== 200) { return null; }
          var version = response.headers.get('X-Inbox-Version');
          return response.text().then(function (html) {
            if (version) { container.dataset.inboxVersion = version; }
            if (container.innerHTML.trim() !== html.trim()) { container.innerHTML = html; }
          });
        })
        .catch(function () { /* offline for a moment: try again next time */ })
        .then(function () {
          container.dataset.inboxRefreshedAt = String(Date.now());
          window.setTimeout(poll, seconds * 1000);
        });
    }
    window.setTimeout(poll, seconds * 1000);
  }

  function attachCannedReplies(select) {
    select.addEventListener('change', function () {
      var textarea = document.getElementById(select.dataset.cannedRepliesFor);
      if (!textarea || !select.value) { return; }
      textarea.value = select.value;
      // The segment counter (sms_counter.js) listens for input.
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      select.selectedIndex = 0;
      textarea.focus();
    });
  }

  function attachCharacterCount(textarea) {
    var limit = parseInt(textarea.dataset.maxCharacters, 10);
    var output = document.createElement('p');
    output.className = 'help sms-character-count';
    output.setAttribute('aria-live', 'polite');
    textarea.insertAdjacentElement('afterend', output);
    function update() {
      var count = Array.from(textarea.value).length;
      output.textContent = count + ' of ' + limit + ' characters';
      output.style.color = count > limit ? '#cd4444' : '';
    }
    textarea.addEventListener('input', update);
    update();
  }

  function init() {
    document.querySelectorAll('[data-inbox-refresh-url]').forEach(startRefresh);
    document.querySelectorAll('select[data-canned-replies-for]').forEach(attachCannedReplies);
    document.querySelectorAll('textarea[data-max-characters]').forEach(attachCharacterCount);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

// After a refused post, focus goes to the error summary so a keyboard or screen-reader user starts from the list of
// what to correct, and each item links to its field (issue 17, deliver 2 and 10). The server names each item's field
// by its posted name (data-field); pages choose their own element ids, so the link is found here from the name.
// A page may include the summary more than once; each is linked once and the first takes focus.
'use strict';

(() => {
  const summaries = Array.from(document.querySelectorAll('[data-error-summary]:not([data-linked])'));
  for (const summary of summaries) {
    summary.dataset.linked = 'true';
    for (const item of summary.querySelectorAll('li[data-field]')) {
      const field = document.getElementsByName(item.dataset.field)[0];
      if (!field || !field.id) {
        continue;
      }

      const link = document.createElement('a');
      link.href = '#' + field.id;
      link.textContent = item.textContent;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
      });
      item.replaceChildren(link);
    }
  }

  if (summaries.length > 0 && summaries[0].dataset.keepFocus !== 'true') {
    summaries[0].focus();
  }
})();

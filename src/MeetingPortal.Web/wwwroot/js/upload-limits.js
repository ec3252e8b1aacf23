// Checks a post against the limits its page states before anything is sent (issue 14, item 6), so an oversized
// file or an overlong form never leaves the browser and everything typed stays in the form: a refused post cannot
// give it back, since pages for signed-in users are not kept by the browser (no-store). Without script the server
// refuses the same post (beside the field up to 21 MB, with a 413 page beyond); it checks again in any case.
//
// A file input may carry data-max-file-bytes (the largest file, in bytes), data-max-files (the most files),
// data-too-large (the message, stating the limit as the page does) and data-error (the id of the element beside
// the field that shows it). A form may carry data-max-fields, data-too-many-fields ("{0}" is the count) and data-error.
'use strict';

(() => {
  const fileProblem = (input) => {
    const files = Array.from(input.files ?? []);
    const maxBytes = Number(input.dataset.maxFileBytes);
    const maxFiles = Number(input.dataset.maxFiles);
    const refused = (maxFiles > 0 && files.length > maxFiles) || (maxBytes > 0 && files.some((file) => file.size > maxBytes));
    return refused ? input.dataset.tooLarge ?? '' : '';
  };

  // Shows the message beside the field; clears only a message this script put there, never the server's.
  const say = (id, message) => {
    const element = id ? document.getElementById(id) : null;
    if (element && (message || element.dataset.fromScript === 'true')) {
      element.textContent = message;
      element.dataset.fromScript = message ? 'true' : 'false';
      if (element.dataset.hideWhenEmpty !== undefined) {
        element.hidden = !message;
      }
    }
  };

  const checkFile = (input) => {
    const message = fileProblem(input);
    input.setCustomValidity(message);
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }

    say(input.dataset.error, message);
    return message;
  };

  document.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'file' && input.dataset.maxFileBytes) {
      checkFile(input);
    }
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }

    for (const input of form.querySelectorAll('input[type="file"][data-max-file-bytes]')) {
      if (checkFile(input)) {
        event.preventDefault();
        input.focus();
        return;
      }
    }

    const maxFields = Number(form.dataset.maxFields);
    if (maxFields > 0) {
      const count = Array.from(new FormData(form, event.submitter)).length;
      const message = count > maxFields ? (form.dataset.tooManyFields ?? '').replace('{0}', String(count)) : '';
      say(form.dataset.error, message);
      if (message) {
        event.preventDefault();
        document.getElementById(form.dataset.error ?? '')?.focus();
      }
    }
  });
})();

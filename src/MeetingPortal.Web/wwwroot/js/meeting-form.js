// Enter in a one-line box of the meeting form would submit the form with its first button, "Lưu nháp", and save a
// draft by surprise (issue 17, item 2). It does nothing there instead; buttons, text areas and lists keep their Enter.
'use strict';

document.addEventListener('keydown', (event) => {
  const field = event.target;
  if (event.key === 'Enter' && field instanceof HTMLInputElement && field.form?.classList.contains('meeting-form')
      && !['submit', 'button', 'reset', 'image'].includes(field.type)) {
    event.preventDefault();
  }
});

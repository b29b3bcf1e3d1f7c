// Behaviour the pages share, kept out of the markup so the Content-Security-Policy can forbid inline script.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('select[data-submit-on-change]').forEach(select =>
    select.addEventListener('change', () => select.form.submit()));
});

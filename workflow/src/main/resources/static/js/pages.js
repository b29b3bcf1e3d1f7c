// Behaviour the pages share, kept out of the markup so the Content-Security-Policy can forbid inline script.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('select[data-submit-on-change]').forEach(select =>
    select.addEventListener('change', () => select.form.submit()));
  // the issue form: only the targets of the figures the chosen kind collects
  const kind = document.getElementById('kind');
  if (kind) {
    const showTargets = () => document.querySelectorAll('.target[data-kinds]').forEach(target => {
      target.hidden = !target.dataset.kinds.split(' ').includes(kind.value);
    });
    kind.addEventListener('change', showTargets);
    showTargets();
  }
});

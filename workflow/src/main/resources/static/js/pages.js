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
  // the issue form: co-operating units are chosen under each lead unit ticked, and only there
  const cooperation = document.getElementById('cooperation');
  if (cooperation) {
    const allUnits = document.getElementById('allUnits');
    const showLeads = () => cooperation.querySelectorAll('details[data-lead]').forEach(lead => {
      const ticked = document.getElementById('unit-' + lead.dataset.lead);
      lead.hidden = !((allUnits && allUnits.checked) || (ticked && ticked.checked));
    });
    document.querySelectorAll('input[name="unitIds"], #allUnits').forEach(box => box.addEventListener('change', showLeads));
    showLeads();
  }
});

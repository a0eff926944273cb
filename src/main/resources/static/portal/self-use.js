// The self-use page's week calendar: when the instrument is taken (facility-local times, no zone), and
// a selection that fills the form's start and end.
(function () {
  const element = document.getElementById('busy-calendar');
  if (!element || typeof EventCalendar === 'undefined') {
    return;
  }
  const labels = { booking: element.dataset.booked, maintenance: element.dataset.maintenance };
  const events = JSON.parse(element.dataset.events).map(function (busy) {
    return {
      start: busy.start,
      end: busy.end,
      title: labels[busy.kind],
      backgroundColor: busy.kind === 'maintenance' ? '#8a5a00' : '#3b5b8c',
      classNames: ['busy-' + busy.kind]
    };
  });
  const pad = function (n) { return String(n).padStart(2, '0'); };
  const local = function (d) {
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  };
  EventCalendar.create(element, {
    view: 'timeGridWeek',
    date: element.dataset.date,
    locale: element.dataset.locale,
    firstDay: 1,
    buttonText: { today: element.dataset.today },
    slotDuration: '00:30',
    allDaySlot: false,
    height: '560px',
    events: events,
    selectable: true,
    select: function (info) {
      document.getElementById('start').value = local(info.start);
      document.getElementById('end').value = local(info.end);
    }
  });
})();

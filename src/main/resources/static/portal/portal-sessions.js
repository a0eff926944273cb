// The applicant's sessions as a month or a week's list (EventCalendar); the table below the calendar
// lists the same sessions for screen readers and small screens. Clicking a session opens its request.
(() => {
  const root = document.getElementById('portal-calendar');
  if (!root) {
    return;
  }
  const cfg = root.dataset;
  EventCalendar.create(root, {
    view: 'dayGridMonth',
    date: cfg.date,
    locale: cfg.locale,
    firstDay: 1,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    headerToolbar: { start: 'prev,next today', center: 'title', end: 'dayGridMonth,listWeek' },
    buttonText: (texts) => ({ ...texts, today: cfg.textToday, dayGridMonth: cfg.textMonth, listWeek: cfg.textList }),
    events: JSON.parse(cfg.events),
    eventClick: (info) => window.location.assign(info.event.extendedProps.link),
  });
})();

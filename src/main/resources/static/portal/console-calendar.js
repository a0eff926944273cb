// The staff console's instrument calendar: EventCalendar draws the unit's, one instrument's or the
// operator's own week or day from the events endpoint; a coordinator drags a reserved session to move it,
// and a refused move is put back with the reason. Times are facility-local and carry no offset.
(() => {
  const root = document.getElementById('staff-calendar');
  if (!root) {
    return;
  }
  const cfg = root.dataset;
  const statusLine = document.getElementById('calendar-status');
  const list = document.getElementById('calendar-list');
  const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

  const fill = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);
  const say = (text, kind) => {
    statusLine.textContent = text;
    statusLine.className = `calendar-status ${kind || ''}`;
  };
  const reason = async (response) => {
    try {
      const problem = await response.json();
      const details = (problem.errors || []).map((e) => e.message || e.detail).filter(Boolean);
      return details.length ? details.join(' ') : problem.detail || problem.title || response.statusText;
    } catch (unreadable) {
      return `${response.status} ${response.statusText}`;
    }
  };
  // The wall-clock time of a facility-local ISO string moved by a number of milliseconds.
  const shifted = (localIso, deltaMs) => new Date(Date.parse(`${localIso}Z`) + deltaMs).toISOString().slice(0, 19);
  const hhmm = (localIso) => localIso.replace('T', ' ').slice(0, 16);

  const showList = (events) => {
    list.replaceChildren();
    const sessions = events.filter((e) => e.kind === 'booking');
    if (!sessions.length) {
      const li = document.createElement('li');
      li.textContent = cfg.textEmpty;
      list.append(li);
    }
    sessions.forEach((e) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = e.extendedProps.link;
      a.id = `session-${e.extendedProps.bookingId}`;
      a.textContent = `${hhmm(e.start)} – ${e.end.slice(11, 16)} ${e.title}`;
      li.append(a);
      list.append(li);
    });
  };

  const load = async (info) => {
    const params = new URLSearchParams({ start: info.startStr.slice(0, 10), end: info.endStr.slice(0, 10) });
    if (cfg.mine === 'true') {
      params.set('mine', 'true');
    } else {
      params.set('unit', cfg.unit);
      if (cfg.instrument) {
        params.set('instrument', cfg.instrument);
      }
    }
    const response = await fetch(`${cfg.events}?${params}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      say(fill(cfg.textLoadFailed, await reason(response)), 'refused');
      return [];
    }
    const events = await response.json();
    showList(events);
    return events;
  };

  const move = async (info) => {
    const props = info.event.extendedProps;
    const delta = info.event.start.getTime() - info.oldEvent.start.getTime();
    const start = shifted(props.localStart, delta);
    const end = shifted(props.localEnd, delta);
    say(cfg.textMoving);
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    const response = await fetch(`${cfg.move}${props.bookingId}/move`, {
      method: 'POST', headers, credentials: 'same-origin',
      body: JSON.stringify({ start, end, instrumentId: props.instrumentId }),
    });
    if (!response.ok) {
      info.revert();
      say(fill(cfg.textRefused, await reason(response)), 'refused');
      return;
    }
    say(fill(cfg.textMoved, props.caseNumber, hhmm(start), end.slice(11, 16)), 'moved');
    calendar.refetchEvents();
  };

  const calendar = EventCalendar.create(root, {
    view: cfg.view || 'timeGridWeek',
    date: cfg.date,
    locale: cfg.locale,
    firstDay: 1,
    height: '640px',
    slotDuration: '00:30',
    scrollTime: '08:00:00',
    nowIndicator: true,
    allDayContent: cfg.textAllDay,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    headerToolbar: { start: 'prev,next today', center: 'title', end: 'timeGridWeek,timeGridDay' },
    buttonText: (texts) => ({ ...texts, today: cfg.textToday, timeGridWeek: cfg.textWeek, timeGridDay: cfg.textDay }),
    editable: false,
    eventStartEditable: false,
    eventDurationEditable: false,
    eventSources: [{ events: load }],
    eventDrop: move,
    eventClick: (info) => {
      if (info.event.extendedProps.link) {
        window.location.assign(info.event.extendedProps.link);
      }
    },
  });
})();

// The proposal page's calendar: the chosen instrument's busy time in a week view (facility time, sent
// without an offset), where a mouse selection proposes a slot. The slots chosen fill the form's rows,
// which are also what a browser without JavaScript fills by hand; the server checks every rule again.
(() => {
  const root = document.getElementById('proposal-calendar');
  const form = document.getElementById('proposal-form');
  if (!root || !form || !window.EventCalendar) {
    return;
  }
  const instrumentSelect = document.getElementById('calendar-instrument');
  const list = document.getElementById('chosen-slots');
  const status = document.getElementById('calendar-status');
  const max = Number(root.dataset.max);
  const rows = [...form.querySelectorAll('fieldset.slot-row')];
  const minutes = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
  const granularity = () => Number(instrumentSelect.selectedOptions[0].dataset.granularity);
  const instrumentName = (id) => [...instrumentSelect.options].find((o) => o.value === String(id)).text;
  const field = (row, name) => row.querySelector(`[name$='.${name}']`);

  // The rows already filled (a refused proposal shown again) are the starting selection.
  const chosen = rows
    .map((row) => ({instrumentId: field(row, 'instrumentId').value, start: field(row, 'start').value, end: field(row, 'end').value}))
    .filter((slot) => slot.start && slot.end);

  const show = () => {
    rows.forEach((row, i) => {
      const slot = chosen[i];
      field(row, 'instrumentId').value = slot ? slot.instrumentId : instrumentSelect.value;
      field(row, 'start').value = slot ? slot.start : '';
      field(row, 'end').value = slot ? slot.end : '';
    });
    list.replaceChildren(...chosen.map((slot, i) => {
      const item = document.createElement('li');
      item.dataset.slot = String(i + 1);
      item.append(`${instrumentName(slot.instrumentId)}  ${slot.start.replace('T', ' ')} – ${slot.end.replace('T', ' ')} `);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link remove-slot';
      remove.textContent = root.dataset.removeLabel;
      remove.addEventListener('click', () => {
        chosen.splice(i, 1);
        show();
      });
      item.append(remove);
      return item;
    }));
    status.textContent = chosen.length >= max ? root.dataset.fullLabel : '';
    calendar.refetchEvents();
  };

  const calendar = EventCalendar.create(root, {
    view: 'timeGridWeek',
    date: root.dataset.date,
    locale: root.dataset.locale,
    firstDay: 1,
    allDaySlot: false,
    height: '620px',
    scrollTime: '08:00:00',
    slotDuration: minutes(granularity()),
    snapDuration: minutes(granularity()),
    headerToolbar: {start: 'prev,next today', center: 'title', end: ''},
    selectable: true,
    eventSources: [
      {url: root.dataset.busyUrl, method: 'GET', extraParams: () => ({unit: root.dataset.unit, instrumentId: instrumentSelect.value})},
      {
        events: (info, success) => success(chosen
          .filter((slot) => slot.instrumentId === instrumentSelect.value)
          .map((slot) => ({
            id: `chosen-${chosen.indexOf(slot)}`,
            start: slot.start,
            end: slot.end,
            title: `${root.dataset.slotLabel} ${chosen.indexOf(slot) + 1}`,
            classNames: ['chosen-slot'],
          }))),
      },
    ],
    select: (info) => {
      calendar.unselect();
      if (chosen.length >= max) {
        status.textContent = root.dataset.fullLabel;
        return;
      }
      chosen.push({instrumentId: instrumentSelect.value, start: info.startStr.slice(0, 16), end: info.endStr.slice(0, 16)});
      show();
    },
  });

  instrumentSelect.addEventListener('change', () => {
    calendar.setOption('slotDuration', minutes(granularity()));
    calendar.setOption('snapDuration', minutes(granularity()));
    calendar.refetchEvents();
  });
  root.classList.add('ready');
  show();
})();

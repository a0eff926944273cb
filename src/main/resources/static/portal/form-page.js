// Every form page of the portal (new request, information reply, statement, deposit, outcomes): renders the
// form file (data-schema, in the user's language) with form-js, with initial values from the server (data-initial
// as JSON, or fetched from data-data), and submits the form's data to data-submit (session + CSRF). A 201 answer
// goes to its location; the server's field errors (problem details) appear next to the fields and in a summary.
(function () {
  'use strict';
  var container = document.getElementById('form');
  var errorBox = document.getElementById('form-errors');
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var keysToIds = {};
  var labels = {};

  function collect(components, prefix) {
    (components || []).forEach(function (c) {
      if (c.key) { keysToIds[prefix + c.key] = c.id; labels[prefix + c.key] = c.label || c.dateLabel || c.key; }
      if (c.path) { keysToIds[prefix + c.path] = c.id; labels[prefix + c.path] = c.label || c.path; }
      collect(c.components, c.path ? prefix + c.path + '.' : prefix);
    });
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }

  function clearErrors() {
    errorBox.hidden = true;
    errorBox.textContent = '';
    document.querySelectorAll('.portal-field-error').forEach(function (e) { e.remove(); });
    document.querySelectorAll('[data-portal-invalid]').forEach(function (e) {
      e.removeAttribute('aria-invalid');
      e.removeAttribute('data-portal-invalid');
    });
  }

  // A server field name ("reply", "files[0].sha256") as the form's key ("files.sha256") and the list indexes ([0]).
  function parseField(field) {
    var indexes = [];
    var key = String(field || '').replace(/\[(\d+)\]/g, function (m, i) { indexes.push(i); return ''; });
    while (key && !keysToIds[key] && key.indexOf('.') > 0) { key = key.substring(0, key.lastIndexOf('.')); }
    return { key: key, suffix: indexes.length && keysToIds[key] && key.indexOf('.') > 0 ? '_' + indexes.join('_') : '' };
  }

  function fieldElement(parsed) {
    var id = keysToIds[parsed.key];
    if (!id) { return null; }
    // form-js ids are fjs-form-<formId>-<componentId>[_<list index>...][-suffix]
    id = id + parsed.suffix;
    var input = container.querySelector('[id$="-' + id + '"]') || container.querySelector('[id*="-' + id + '-"]');
    return input ? (input.closest('.fjs-form-field') || input) : null;
  }

  function showErrors(problems) {
    clearErrors();
    var list = document.createElement('ul');
    problems.forEach(function (p, i) {
      var parsed = parseField(p.field);
      var key = parsed.key;
      var item = document.createElement('li');
      item.textContent = (labels[key] ? labels[key] + parsed.suffix.replace(/_(\d+)/g, function (m, i) { return ' #' + (Number(i) + 1); }) + ': ' : '') + p.message;
      list.appendChild(item);
      var field = fieldElement(parsed);
      if (field) {
        var message = document.createElement('div');
        message.className = 'portal-field-error';
        message.id = 'portal-error-' + i;
        message.setAttribute('data-field', String(p.field || key));
        message.textContent = p.message;
        field.appendChild(message);
        var input = field.querySelector('input, textarea, select');
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('data-portal-invalid', '');
          input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + message.id).trim());
        }
      }
    });
    var heading = document.createElement('p');
    heading.textContent = errorBox.getAttribute('data-heading');
    errorBox.appendChild(heading);
    errorBox.appendChild(list);
    errorBox.hidden = false;
    errorBox.focus && errorBox.setAttribute('tabindex', '-1');
    errorBox.focus();
  }

  function clean(data) {
    var out = {};
    Object.keys(data).forEach(function (k) {
      var v = data[k];
      if (v === '' || v === null || v === undefined) { return; }
      out[k] = v;
    });
    return out;
  }

  function initialData() {
    if (container.hasAttribute('data-initial')) { return Promise.resolve(JSON.parse(container.getAttribute('data-initial'))); }
    return container.hasAttribute('data-data') ? getJson(container.getAttribute('data-data')) : Promise.resolve({});
  }

  Promise.all([getJson(container.getAttribute('data-schema')), initialData()])
    .then(function (results) {
      var schema = results[0];
      collect(schema.components, '');
      container.textContent = '';
      var form = new FormViewer.Form({ container: container });
      window.portalForm = form;
      return form.importSchema(schema, results[1]).then(function () { return form; });
    })
    .then(function (form) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'primary';
      button.id = container.getAttribute('data-submit-id') || 'submit-form';
      button.textContent = container.getAttribute('data-submit-label');
      container.appendChild(button);
      button.addEventListener('click', function () {
        clearErrors();
        var result = form.submit();
        if (result.errors && Object.keys(result.errors).length > 0) { return; }
        button.disabled = true;
        var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
        if (csrfToken && csrfHeader) { headers[csrfHeader.content] = csrfToken.content; }
        fetch(container.getAttribute('data-submit'), {
          method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(clean(result.data))
        }).then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            if (r.status === 201 && body.location) { window.location.assign(body.location); return; }
            button.disabled = false;
            var errors = body.errors || [{ field: '', message: body.detail || container.getAttribute('data-failed') }];
            showErrors(errors);
          });
        }).catch(function () {
          button.disabled = false;
          showErrors([{ field: '', message: container.getAttribute('data-failed') }]);
        });
      });
    })
    .catch(function (e) {
      container.textContent = container.getAttribute('data-failed') + ' (' + e.message + ')';
    });
})();

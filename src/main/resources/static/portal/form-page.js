// Every form page of the portal (new request, information reply, statement, deposit, outcomes): renders the
// form file (data-schema, in the user's language) with form-js, with initial values from the server (data-initial
// as JSON, or fetched from data-data), and submits the form's data, with the fixed values of data-extra (JSON, e.g.
// the statement version answered), to data-submit (session + CSRF). A 201 answer
// goes to its location; the server's field errors (problem details) appear next to the fields and in a summary.
// Files chosen in the document picker (#document-picker, on the new-request and reply pages) are uploaded to the
// case once the form has been accepted, one request each; a refused file is listed with its reason and a link to
// the case page, where it can be attached again.
(function () {
  'use strict';
  var container = document.getElementById('form');
  var errorBox = document.getElementById('form-errors');
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var picker = document.getElementById('documents-input');
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

  function chosenFiles() {
    return picker ? Array.prototype.slice.call(picker.files || []) : [];
  }

  // Uploads the chosen files to the case just created or answered, one after the other, then opens the case
  // page; if any was refused, stays here and lists them with the server's reason.
  function attachThenGo(created, jsonHeaders) {
    var files = chosenFiles();
    if (files.length === 0) { window.location.assign(created.location); return Promise.resolve(); }
    var failures = [];
    var headers = {};
    Object.keys(jsonHeaders).forEach(function (k) { if (k !== 'Content-Type') { headers[k] = jsonHeaders[k]; } });
    var url = picker.getAttribute('data-upload-base') + encodeURIComponent(created.caseNumber)
        + '/documents?attachedTo=' + encodeURIComponent(picker.getAttribute('data-attached-to'));
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.id = 'documents-progress';
    container.appendChild(status);
    return files.reduce(function (previous, file) {
      return previous.then(function () {
        status.textContent = picker.getAttribute('data-uploading').replace('{0}', file.name);
        var body = new FormData();
        body.append('file', file);
        return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: body })
          .then(function (r) {
            if (r.status === 201) { return; }
            return r.json().catch(function () { return {}; }).then(function (problem) {
              var first = (problem.errors || [])[0];
              failures.push(file.name + ': ' + (first ? first.message : (problem.detail || r.status)));
            });
          })
          .catch(function () { failures.push(file.name + ': ' + container.getAttribute('data-failed')); });
      });
    }, Promise.resolve()).then(function () {
      if (failures.length === 0) { window.location.assign(created.location); return; }
      status.remove();
      clearErrors();
      var heading = document.createElement('p');
      heading.textContent = picker.getAttribute('data-failed').replace('{0}', created.caseNumber);
      var list = document.createElement('ul');
      failures.forEach(function (f) { var li = document.createElement('li'); li.textContent = f; list.appendChild(li); });
      var link = document.createElement('a');
      link.href = created.location;
      link.id = 'open-case';
      link.className = 'button';
      link.textContent = picker.getAttribute('data-open-case');
      errorBox.appendChild(heading);
      errorBox.appendChild(list);
      errorBox.appendChild(link);
      errorBox.hidden = false;
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
    });
  }

  function extra() {
    return container.hasAttribute('data-extra') ? JSON.parse(container.getAttribute('data-extra')) : {};
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
      if (picker) { container.insertBefore(picker.closest('.field'), button); }
      button.addEventListener('click', function () {
        clearErrors();
        var result = form.submit();
        if (result.errors && Object.keys(result.errors).length > 0) { return; }
        var oversized = chosenFiles().filter(function (f) { return f.size > Number(picker.getAttribute('data-max-bytes')); });
        if (oversized.length > 0) {
          showErrors(oversized.map(function (f) { return { field: '', message: f.name + ': ' + picker.getAttribute('data-too-large') }; }));
          return;
        }
        button.disabled = true;
        var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
        if (csrfToken && csrfHeader) { headers[csrfHeader.content] = csrfToken.content; }
        fetch(container.getAttribute('data-submit'), {
          method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(Object.assign(clean(result.data), extra()))
        }).then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            if (r.status === 201 && body.location) { attachThenGo(body, headers); return; }
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

// New request: renders the support-request form file with form-js and submits it to the portal (session + CSRF).
(function () {
  'use strict';
  var container = document.getElementById('form');
  var errorBox = document.getElementById('form-errors');
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var keysToIds = {};
  var labels = {};

  function collect(components) {
    (components || []).forEach(function (c) {
      if (c.key) { keysToIds[c.key] = c.id; labels[c.key] = c.label || c.dateLabel || c.key; }
      collect(c.components);
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

  function fieldElement(key) {
    var id = keysToIds[key];
    if (!id) { return null; }
    // form-js ids are fjs-form-<formId>-<componentId>[-suffix]
    var input = container.querySelector('[id$="-' + id + '"]') || container.querySelector('[id*="-' + id + '-"]');
    return input ? (input.closest('.fjs-form-field') || input) : null;
  }

  function showErrors(problems) {
    clearErrors();
    var list = document.createElement('ul');
    problems.forEach(function (p, i) {
      var key = String(p.field || '').replace(/\[.*$/, '').replace(/\..*$/, '');
      var item = document.createElement('li');
      item.textContent = (labels[key] || key) + ': ' + p.message;
      list.appendChild(item);
      var field = fieldElement(key);
      if (field) {
        var message = document.createElement('div');
        message.className = 'portal-field-error';
        message.id = 'portal-error-' + i;
        message.setAttribute('data-field', key);
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

  Promise.all([getJson(container.getAttribute('data-schema')), getJson(container.getAttribute('data-data'))])
    .then(function (results) {
      var schema = results[0];
      collect(schema.components);
      container.textContent = '';
      var form = new FormViewer.Form({ container: container });
      window.portalForm = form;
      return form.importSchema(schema, results[1]).then(function () { return form; });
    })
    .then(function (form) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'primary';
      button.id = 'submit-request';
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

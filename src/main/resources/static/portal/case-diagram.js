// The case page's process diagram: bpmn-js NavigatedViewer (read-only, pan and zoom), the current step marked.
(function () {
  'use strict';
  var container = document.getElementById('case-diagram');
  if (!container || !window.BpmnJS) {
    return;
  }
  var viewer = new window.BpmnJS({ container: container });
  fetch(container.getAttribute('data-model'), { credentials: 'same-origin', headers: { Accept: 'application/xml' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('model ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) {
      return viewer.importXML(xml);
    })
    .then(function () {
      var canvas = viewer.get('canvas');
      var step = container.getAttribute('data-step');
      if (step && viewer.get('elementRegistry').get(step)) {
        canvas.addMarker(step, 'current-step');
      }
      canvas.zoom('fit-viewport');
      container.setAttribute('data-ready', 'true');
    })
    .catch(function () {
      container.setAttribute('data-ready', 'failed');
      container.classList.add('failed');
    });
})();

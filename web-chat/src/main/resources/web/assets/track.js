/*
 * /track/{ref}?t=<share token>: one shipment for its customer. The token is a customer JWT limited to this
 * shipment; the page reads, follows and chats with it, and can reach nothing else.
 */
(function () {
  'use strict';
  var M = window.TracelaneMap;
  var ref = decodeURIComponent(window.location.pathname.split('/').pop());
  var token = new URLSearchParams(window.location.search).get('t');
  var marker;
  var trail;

  function problem(text) {
    var p = document.getElementById('problem');
    p.textContent = text;
    p.hidden = false;
  }

  function api(path) {
    return fetch(path, {headers: {Authorization: 'Bearer ' + token}}).then(function (r) {
      if (!r.ok) {
        throw new Error(String(r.status));
      }
      return r.json();
    });
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function render(s) {
    text('ref', s.reference);
    text('route', (s.origin && s.origin.name || '') + ' → ' + (s.destination && s.destination.name || ''));
    text('status', s.status.replace('_', ' '));
    text('eta', s.status === 'delivered' ? 'Delivered' : M.etaWindow(s.eta));
    text('seen', s.lastPosition ? M.time(s.lastPosition.ts) : '—');
    var list = document.getElementById('milestones');
    list.textContent = '';
    var steps = [['Departure', s.departedAt, s.plannedDeparture]];
    (s.stops || []).forEach(function (stop) { steps.push([stop.name || 'Stop', null, null]); });
    steps.push(['Delivery', s.deliveredAt, s.promisedArrival && s.promisedArrival.until]);
    steps.forEach(function (step) {
      var li = document.createElement('li');
      li.textContent = step[0];
      if (step[1]) {
        li.className = 'done';
      }
      if (step[1] || step[2]) {
        var t = document.createElement('time');
        t.dateTime = step[1] || step[2];
        t.textContent = (step[1] ? 'done ' : 'planned ') + M.time(step[1] || step[2]);
        li.appendChild(t);
      }
      list.appendChild(li);
    });
  }

  function draw(s, track) {
    var map = M.map('map');
    var planned = M.line(s.plannedRoute);
    if (planned.length) {
      window.L.polyline(planned, {color: '#0b57a4', weight: 3, opacity: 0.6, dashArray: '6 6'}).addTo(map);
    }
    var path = [];
    (track.features || []).forEach(function (f) {
      if (f.geometry && f.geometry.type === 'LineString') {
        path = path.concat(M.line(f.geometry));
      }
    });
    trail = window.L.polyline(path, {color: '#0b2a4a', weight: 4}).addTo(map);
    var ends = [[s.origin.lat, s.origin.lon], [s.destination.lat, s.destination.lon]];
    ends.forEach(function (p) {
      window.L.circleMarker(p, {radius: 5, color: '#0b2a4a', fillColor: '#fff', fillOpacity: 1}).addTo(map);
    });
    if (s.lastPosition) {
      marker = M.truck([s.lastPosition.lat, s.lastPosition.lon], s.status, false).addTo(map);
    }
    map.fitBounds(window.L.latLngBounds(ends.concat(planned).concat(path)), {padding: [30, 30]});
    return map;
  }

  function follow(map, s) {
    var state = document.getElementById('live-state');
    new window.TracelaneLive(token, ['shipment:' + ref], {
      update: function (f) {
        var d = f.data || {};
        if (d.lat != null && d.lon != null) {
          if (!marker) {
            marker = M.truck([d.lat, d.lon], s.status, false).addTo(map);
          }
          marker.setLatLng([d.lat, d.lon]);
          trail.addLatLng([d.lat, d.lon]);
          text('seen', M.time(d.ts));
        }
        if (d.eta && s.status !== 'delivered') {
          text('eta', M.etaWindow(d));
        }
        if (d.status) {
          api('/api/shipments/' + encodeURIComponent(ref)).then(function (fresh) {
            s = fresh;
            render(fresh);
          }, function () {});
        }
      },
      status: function (st) { state.textContent = st === 'online' ? 'Live' : 'Reconnecting…'; }
    });
  }

  if (!token) {
    problem('This tracking link is incomplete: it needs the part after "?t=". Please use the whole link you were sent.');
    return;
  }
  Promise.all([api('/api/shipments/' + encodeURIComponent(ref)),
    api('/api/shipments/' + encodeURIComponent(ref) + '/track?simplify=20')]).then(function (r) {
    document.getElementById('content').hidden = false;
    render(r[0]);
    follow(draw(r[0], r[1]), r[0]);
    window.Tracelane('boot', {container: document.getElementById('chat'), user: {token: token},
      title: 'Questions about ' + r[0].reference, shipmentUrl: window.location.pathname + window.location.search});
  }, function () {
    problem('This tracking link has expired or is not valid. Please ask the sender for a new one.');
  });
}());

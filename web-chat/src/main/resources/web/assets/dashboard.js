/*
 * /dashboard for coordinators: every shipment in scope on the map and in a list with its status and ETA window,
 * open alerts to acknowledge, the assistant beside them. Live updates come from /ws/live (fleet, alerts) and are
 * applied once per animation frame, so a thousand moving shipments cost one redraw per frame, not one per update.
 */
(function () {
  'use strict';
  var M = window.TracelaneMap;
  var token;
  var map;
  var ships = {};
  var pending = {};
  var scheduled = false;
  var selected = null;
  var route = null;
  var alerts = {};

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({Authorization: 'Bearer ' + token}, options.headers || {});
    return fetch(path, options).then(function (r) {
      if (!r.ok) {
        throw new Error(path + ': ' + r.status);
      }
      return r.json();
    });
  }

  function loadShipments(offset) {
    return api('/api/shipments?limit=1000&offset=' + offset).then(function (page) {
      page.forEach(addShipment);
      document.getElementById('ship-count').textContent = String(Object.keys(ships).length);
      return page.length === 1000 ? loadShipments(offset + 1000) : null;
    });
  }

  function addShipment(s) {
    var ship = ships[s.reference] || {};
    ships[s.reference] = ship;
    ship.data = s;
    if (!ship.row) {
      ship.row = document.createElement('tr');
      var ref = document.createElement('button');
      ref.type = 'button';
      ref.textContent = s.reference;
      ref.addEventListener('click', function () { select(s.reference, true); });
      var cells = [document.createElement('td'), document.createElement('td'), document.createElement('td')];
      cells[0].appendChild(ref);
      cells.forEach(function (c) { ship.row.appendChild(c); });
      ship.row.dataset.ref = s.reference;
      document.getElementById('ships').appendChild(ship.row);
    }
    var statusCell = ship.row.children[1];
    statusCell.innerHTML = '';
    var badge = document.createElement('span');
    badge.className = 'status ' + s.status;
    badge.textContent = s.status.replace('_', ' ');
    statusCell.appendChild(badge);
    ship.row.children[2].textContent = M.etaWindow(s.eta);
    if (s.lastPosition) {
      place(s.reference, s.lastPosition.lat, s.lastPosition.lon);
    }
  }

  function place(ref, lat, lon) {
    var ship = ships[ref];
    if (!ship.marker) {
      ship.marker = M.truck([lat, lon], ship.data.status, ship.data.alerts && ship.data.alerts.length > 0)
        .bindTooltip(ref).on('click', function () { select(ref, false); }).addTo(map);
    } else {
      ship.marker.setLatLng([lat, lon]);
    }
  }

  function select(ref, pan) {
    var ship = ships[ref];
    if (!ship) {
      return;
    }
    if (selected && ships[selected]) {
      ships[selected].row.classList.remove('selected');
    }
    selected = ref;
    ship.row.classList.add('selected');
    ship.row.scrollIntoView({block: 'nearest'});
    if (route) {
      route.remove();
    }
    route = window.L.polyline(M.line(ship.data.plannedRoute), {color: '#0b57a4', weight: 3, opacity: 0.7,
      dashArray: '6 6'}).addTo(map);
    if (pan && ship.marker) {
      map.setView(ship.marker.getLatLng(), Math.max(map.getZoom(), 6));
    }
  }

  /** Newest position per shipment wins until the next frame draws them all. */
  function update(frame) {
    var d = frame.data || {};
    if (!d.ref) {
      return;
    }
    if (!ships[d.ref]) {
      api('/api/shipments/' + encodeURIComponent(d.ref)).then(addShipment, function () {});
      return;
    }
    if (frame.kind === 'status' || d.status) {
      ships[d.ref].data.status = d.status;
      addShipment(ships[d.ref].data);
    }
    if (d.eta) {
      ships[d.ref].data.eta = d;
      ships[d.ref].row.children[2].textContent = M.etaWindow(d);
    }
    if (d.lat != null && d.lon != null) {
      pending[d.ref] = d;
      if (!scheduled) {
        scheduled = true;
        window.requestAnimationFrame(draw);
      }
    }
  }

  function draw() {
    scheduled = false;
    var batch = pending;
    pending = {};
    Object.keys(batch).forEach(function (ref) { place(ref, batch[ref].lat, batch[ref].lon); });
  }

  function showAlert(alert) {
    var list = document.getElementById('alerts');
    var old = alerts[alert.id];
    if (alert.status !== 'open') { // acknowledged or resolved: gone, as on the page's first load
      if (old) {
        old.remove();
        delete alerts[alert.id];
      }
      count();
      return;
    }
    var li = document.createElement('li');
    li.className = alert.severity + ' ' + alert.status;
    li.dataset.id = alert.id;
    var title = document.createElement('span');
    title.className = 'title';
    title.textContent = alert.title;
    var ref = document.createElement('a');
    ref.href = '#';
    ref.textContent = alert.ref;
    ref.addEventListener('click', function (e) {
      e.preventDefault();
      select(alert.ref, true);
    });
    li.appendChild(title);
    li.appendChild(ref);
    li.appendChild(document.createTextNode(' · ' + alert.severity + ' · ' + M.time(alert.openedAt)));
    var ack = document.createElement('button');
    ack.type = 'button';
    ack.textContent = 'Acknowledge';
    ack.setAttribute('aria-label', 'Acknowledge: ' + alert.title + ' on ' + alert.ref);
    ack.addEventListener('click', function () {
      ack.disabled = true;
      api('/api/alerts/' + alert.id + '/ack', {method: 'POST'}).then(showAlert, function () { ack.disabled = false; });
    });
    li.appendChild(document.createElement('br'));
    li.appendChild(ack);
    if (old) {
      list.replaceChild(li, old);
    } else {
      list.insertBefore(li, list.firstChild);
    }
    alerts[alert.id] = li;
    count();
  }

  function count() {
    document.getElementById('alert-count').textContent = String(Object.keys(alerts).length);
  }

  function start(t, claims) {
    token = t;
    document.getElementById('who').textContent = claims.sub + ' (' + claims.org + ')';
    var logout = document.getElementById('logout');
    logout.hidden = false;
    logout.addEventListener('click', function () {
      window.TracelaneSession.logout();
      window.location.reload();
    });
    document.getElementById('board').hidden = false;
    map = M.map('map').setView([39.5, -96], 4.5);
    var wanted = new URLSearchParams(window.location.search).get('shipment');
    var liveState = document.getElementById('live-state');
    loadShipments(0).then(function () {
      new window.TracelaneLive(token, ['fleet', 'alerts'], {
        update: update,
        alert: showAlert,
        resync: function () { loadShipments(0); },
        status: function (s) { liveState.textContent = s === 'online' ? 'Live' : 'Reconnecting…'; }
      });
      if (wanted) {
        select(wanted, true);
      }
    });
    api('/api/alerts?status=open').then(function (list) { list.forEach(showAlert); });
    window.Tracelane('boot', {container: document.getElementById('chat'), user: {token: token},
      shipmentUrl: '/dashboard?shipment={ref}'});
  }

  /** Read-only view for scripts and browser tests: where a shipment's marker is drawn. */
  window.TracelaneDashboard = {
    position: function (ref) {
      var ship = ships[ref];
      return ship && ship.marker ? [ship.marker.getLatLng().lat, ship.marker.getLatLng().lng] : null;
    }
  };

  window.TracelaneSession.gate(document.getElementById('login'), start);
}());

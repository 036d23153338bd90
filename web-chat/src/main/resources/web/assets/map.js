/*
 * Leaflet maps without a tile server: the basemap is Natural Earth's country outlines shipped in this jar, so the
 * pages work with no internet. Markers are drawn on one canvas, which keeps a thousand moving trucks smooth.
 */
(function (window) {
  'use strict';
  var L = window.L;

  function map(element, options) {
    var m = L.map(element, Object.assign({preferCanvas: true, zoomSnap: 0.25, worldCopyJump: true,
      attributionControl: true}, options || {}));
    m.getContainer().style.background = '#cfe3f1';
    m.attributionControl.setPrefix(false);
    m.attributionControl.addAttribution('Basemap: <a href="https://www.naturalearthdata.com/">Natural Earth</a> '
      + '(public domain) | <a href="https://leafletjs.com">Leaflet</a>');
    // the basemap has a canvas of its own: a moving truck then repaints only the markers' canvas, not the
    // outlines of every country under it
    m.createPane('basemap').style.zIndex = 250;
    var basemap = L.canvas({pane: 'basemap'});
    fetch('/assets/basemap/countries-110m.geojson').then(function (r) { return r.json(); }).then(function (geo) {
      L.geoJSON(geo, {interactive: false, renderer: basemap,
        style: {color: '#8a9aa8', weight: 1, fillColor: '#f7f5ef', fillOpacity: 1}}).addTo(m);
    });
    return m;
  }

  var STATUS_COLORS = {planned: '#5b6472', in_transit: '#0b57a4', delivered: '#2e7d32'};

  function truck(latlng, status, late) {
    return L.circleMarker(latlng, {radius: 6, weight: 2, color: '#fff', fillOpacity: 1,
      fillColor: late ? '#b3261e' : (STATUS_COLORS[status] || '#0b57a4')});
  }

  /** A GeoJSON LineString's coordinates ([lon, lat]) as Leaflet lat-lngs. */
  function line(lineString) {
    return (lineString && lineString.coordinates || []).map(function (c) { return [c[1], c[0]]; });
  }

  function time(iso) {
    if (!iso) {
      return '—';
    }
    return new Date(iso).toLocaleString(undefined, {weekday: 'short', hour: '2-digit', minute: '2-digit'});
  }

  /** The ETA window "p10 – p90", or the single ETA. */
  function window_(eta) {
    if (!eta || !eta.eta) {
      return '—';
    }
    return eta.p10 && eta.p90 ? time(eta.p10) + ' – ' + time(eta.p90) : time(eta.eta);
  }

  window.TracelaneMap = {map: map, truck: truck, line: line, time: time, etaWindow: window_};
}(window));

// The map of a resource's page: its points (data-points, [[lat, lon], ...]) over the hub's tile server
// (spojka.dashboard.tile-url) or, without one, over the bundled outline of the Czech Republic, which needs no network.
(function () {
  'use strict';
  const element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  const points = JSON.parse(element.dataset.points || '[]');
  const map = L.map(element, { scrollWheelZoom: false });
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution, maxZoom: 19 }).addTo(map);
  } else {
    fetch(element.dataset.outline).then((response) => response.json()).then((outline) => L.geoJSON(outline, {
      interactive: false, attribution: 'Hranice · Border: Natural Earth',
      style: { color: '#555', weight: 1, fillColor: '#eee', fillOpacity: 0.6 },
    }).addTo(map).bringToBack());
  }
  const markers = points.map((p) => L.circleMarker(p, { radius: 8, color: '#0645ad', weight: 2 }).addTo(map));
  if (markers.length === 1) {
    map.setView(points[0], 13);
  } else {
    map.fitBounds(L.featureGroup(markers).getBounds(), { padding: [20, 20], maxZoom: 15 });
  }
}());

// The live dashboard. It reads nothing but the hub's event stream /events (Server-Sent Events, each event a
// CloudEvent in structured JSON, its data the entity as expanded JSON-LD; see docs/events.md), through two streams:
//  - every located entity from the beginning of the change log (bbox of the whole world), for the map;
//  - notices, citizen reports, their kinds and sensor observations since settings.since, for the lists and values.
'use strict';

(() => {
  const LIST_SIZE = 15;
  const READINGS_SIZE = 12;
  const BEGINNING = '1970-01-01T00:00:00Z';
  const CZECHIA = [[48.55, 12.09], [51.06, 18.86]];
  const P = {
    title: 'http://purl.org/dc/terms/title',
    description: 'http://purl.org/dc/terms/description',
    identifier: 'http://purl.org/dc/terms/identifier',
    kind: 'http://purl.org/dc/terms/type',
    submitted: 'http://purl.org/dc/terms/dateSubmitted',
    status: 'http://www.w3.org/ns/adms#status',
    address: 'http://schema.org/address',
    url: 'http://schema.org/url',
    downloadUrl: 'http://schema.org/downloadUrl',
    posted: 'https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/vyvěšení-informace',
    inDateTime: 'http://www.w3.org/2006/time#inXSDDateTimeStamp',
    inDate: 'http://www.w3.org/2006/time#inXSDDate',
    geometry: 'http://www.opengis.net/ont/geosparql#hasGeometry',
    wkt: 'http://www.opengis.net/ont/geosparql#asWKT',
    prefLabel: 'http://www.w3.org/2004/02/skos/core#prefLabel',
    featureOfInterest: 'http://www.w3.org/ns/sosa/hasFeatureOfInterest',
    observedProperty: 'http://www.w3.org/ns/sosa/observedProperty',
    resultTime: 'http://www.w3.org/ns/sosa/resultTime',
    result: 'http://www.w3.org/ns/sosa/hasResult',
    numericValue: 'http://qudt.org/schema/qudt/numericValue',
    unit: 'http://qudt.org/schema/qudt/hasUnit',
  };
  const UNITS = { 'MicroGM-PER-M3': 'µg/m³', PERCENT: '%', DEG_C: '°C', UNITLESS: '', NUM: '' };
  const STATUS = { open: 'otevřený · open', closed: 'uzavřený · closed' };

  // ---- reading an entity: expanded JSON-LD, full IRIs as keys, every value in an array ----
  const values = (node, iri) => (node && node[iri]) || [];
  const first = (node, iri) => values(node, iri)[0];
  const ref = (node, iri) => (first(node, iri) || {})['@id'];
  const literal = (node, iri) => {
    const literals = values(node, iri).filter((v) => '@value' in v);
    return (literals.find((v) => v['@language'] === 'cs') || literals[0] || {})['@value'];
  };
  const localName = (iri) => decodeURIComponent(iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1));
  const kindOf = (type) => type.split('.').slice(2, -1).join('.');
  const deleted = (event) => event.type.endsWith('.deleted');
  const pointOf = (entity) => {
    const match = /POINT\s*Z?\s*\(\s*([^\s)]+)\s+([^\s)]+)/i.exec(literal(first(entity, P.geometry), P.wkt) || '');
    return match ? [Number(match[2]), Number(match[1])] : null;
  };
  const when = (value) => {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return /T/.test(value) ? date.toLocaleString('cs-CZ') : date.toLocaleDateString('cs-CZ');
  };
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // ---- connection state, shown in the header; body[data-streams] is "open" when every stream is connected ----
  const status = (() => {
    const label = document.getElementById('status');
    const open = new Set();
    let expected = 0;
    const show = (state, text) => {
      label.className = 'status ' + state;
      label.textContent = text;
      document.body.dataset.streams = state === 'live' ? 'open' : state;
    };
    return {
      expect: () => { expected += 1; },
      opened: (source) => {
        open.add(source);
        if (open.size === expected) show('live', 'Živě · Live');
      },
      failed: (source) => {
        open.delete(source);
        show('down', 'Spojení přerušeno, připojuji znovu… · Connection lost, reconnecting…');
      },
      disconnected: (reason) => show('down', 'Hub ukončil proud · The hub ended the stream: ' + reason.message),
    };
  })();

  function stream(query, onEvent) {
    status.expect();
    const source = new EventSource('/events?' + query);
    source.onopen = () => status.opened(source);
    source.onerror = () => status.failed(source);
    source.onmessage = (message) => onEvent(JSON.parse(message.data));
    source.addEventListener('disconnect', (message) => status.disconnected(JSON.parse(message.data)));
  }

  // ---- lists: newest first, one item per entity, at most LIST_SIZE ----
  function list(id) {
    const root = document.getElementById(id);
    const empty = document.querySelector('[data-empty-for="' + id + '"]');
    const refresh = () => empty.classList.toggle('hidden', root.children.length > 0);
    const find = (subject) => Array.from(root.children).find((item) => item.dataset.subject === subject);
    return {
      remove: (subject) => {
        const item = find(subject);
        if (item) item.remove();
        refresh();
      },
      put: (subject, item) => {
        const old = find(subject);
        if (old) old.remove();
        item.dataset.subject = subject;
        item.classList.add('fresh');
        root.prepend(item);
        while (root.children.length > LIST_SIZE) root.lastElementChild.remove();
        refresh();
      },
      rows: (items) => {
        root.replaceChildren(...items);
        refresh();
      },
    };
  }

  const notices = list('notices');
  const reports = list('reports');
  const readings = list('readings');
  const kindLabels = new Map();
  const places = new Map();
  const latest = new Map();

  function notice(event) {
    const entity = event.data.entity;
    const item = element('li');
    const title = literal(entity, P.title) || event.subject;
    const link = literal(entity, P.url) || literal(entity, P.downloadUrl);
    const heading = element(link ? 'a' : 'span', 'title', title);
    if (link) heading.href = link;
    item.append(heading);
    const posted = first(entity, P.posted);
    const date = literal(posted, P.inDateTime) || literal(posted, P.inDate);
    item.append(element('div', 'meta', [date && 'Vyvěšeno · Posted ' + when(date), event.dataset]
      .filter(Boolean).join(' · ')));
    notices.put(event.subject, item);
  }

  function report(event) {
    const entity = event.data.entity;
    const item = element('li');
    const kind = kindLabels.get(ref(entity, P.kind));
    const title = literal(entity, P.description) || kind || 'Podnět · Report ' + literal(entity, P.identifier);
    item.append(element('div', 'title', title));
    const meta = element('div', 'meta');
    const state = localName(ref(entity, P.status) || '');
    if (STATUS[state]) meta.append(element('span', 'badge ' + state, STATUS[state]), ' ');
    meta.append([kind, literal(entity, P.address), when(literal(entity, P.submitted))].filter(Boolean).join(' · '));
    item.append(meta);
    reports.put(event.subject, item);
  }

  // ---- the map: a marker per located entity; sensor values attached to the place they were observed at ----
  const map = L.map('map', { zoomSnap: 0.25 });
  map.fitBounds(CZECHIA);
  map.createPane('outline').style.zIndex = 350;

  const colour = (kind) => getComputedStyle(document.documentElement)
    .getPropertyValue({
      'air-quality-station': '--air', 'parking-lot': '--parking', 'waste-container': '--waste',
      'citizen-report': '--report',
    }[kind] || '--other').trim();

  function placeName(place) {
    return (places.get(place) || {}).title || localName(place);
  }

  function tooltip(place) {
    const content = element('div');
    content.append(element('strong', '', placeName(place)));
    latest.forEach((reading) => {
      if (reading.place === place) content.append(element('div', '', reading.property + ': ' + reading.value + ' ' + reading.unit));
    });
    return content;
  }

  function located(event) {
    const old = places.get(event.subject);
    if (old) old.marker.remove();
    places.delete(event.subject);
    const entity = event.data.entity;
    const point = deleted(event) ? null : pointOf(entity);
    if (!point) return;
    const kind = kindOf(event.type);
    const marker = L.circleMarker(point, {
      radius: kind === 'citizen-report' ? 7 : 6, color: '#fff', weight: 1, fillColor: colour(kind), fillOpacity: 0.9,
    });
    places.set(event.subject, { marker, title: literal(entity, P.title) || literal(entity, P.description) });
    marker.bindTooltip(tooltip(event.subject)).addTo(map);
    if (Array.from(latest.values()).some((reading) => reading.place === event.subject)) showReadings();
  }

  function observation(event) {
    const entity = event.data.entity;
    const place = ref(entity, P.featureOfInterest);
    const property = ref(entity, P.observedProperty);
    const result = first(entity, P.result);
    if (!place || !property || !result) return;
    const reading = {
      place,
      property: localName(property),
      value: Number(literal(result, P.numericValue)).toLocaleString('cs-CZ'),
      unit: UNITS[localName(ref(result, P.unit) || '')] ?? localName(ref(result, P.unit) || ''),
      time: literal(entity, P.resultTime) || event.time,
    };
    const key = place + ' ' + property;
    if (latest.has(key) && latest.get(key).time > reading.time) return;
    latest.set(key, reading);
    if (places.has(place)) places.get(place).marker.setTooltipContent(tooltip(place));
    showReadings();
  }

  function showReadings() {
    const newest = Array.from(latest.values()).sort((a, b) => (a.time < b.time ? 1 : -1)).slice(0, READINGS_SIZE);
    readings.rows(newest.map((reading) => {
      const row = element('tr');
      row.append(element('td', '', placeName(reading.place)), element('td', '', reading.property),
        element('td', 'value', (reading.value + ' ' + reading.unit).trim()), element('td', '', when(reading.time)));
      return row;
    }));
  }

  function change(event) {
    const kind = kindOf(event.type);
    if (kind === 'citizen-report-kind' && !deleted(event)) {
      kindLabels.set(event.subject, literal(event.data.entity, P.prefLabel));
    } else if (kind === 'notice') {
      deleted(event) ? notices.remove(event.subject) : notice(event);
    } else if (kind === 'citizen-report') {
      deleted(event) ? reports.remove(event.subject) : report(event);
    } else if (kind === 'observation' && !deleted(event)) {
      observation(event);
    }
  }

  fetch('/dashboard/settings.json').then((response) => response.json()).then((settings) => {
    if (settings.tileUrl) {
      L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
    } else {
      fetch('/dashboard/czechia.geojson').then((response) => response.json()).then((outline) => L.geoJSON(outline, {
        pane: 'outline', interactive: false, attribution: 'Hranice · Border: Natural Earth',
        style: { color: '#9aa5b1', weight: 1.5, fillColor: '#ffffff', fillOpacity: 0.9 },
      }).addTo(map));
    }
    stream('bbox=-180,-90,180,90&since=' + BEGINNING, located);
    stream('type=cz.spojka.notice,cz.spojka.citizen-report,cz.spojka.citizen-report-kind,cz.spojka.observation'
      + '&since=' + encodeURIComponent(settings.since), change);
  });
})();

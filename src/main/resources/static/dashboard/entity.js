// Reading the entity of a change event (docs/events.md, "The data"). Events carry it as compact JSON-LD with an
// inline @context of prefixes; events written before carry it expanded (full IRIs, every value in an array).
// SpojkaEntity.expanded gives the expanded form either way, and the other functions read values from it by full IRI.
'use strict';

const SpojkaEntity = (() => {
  function expanded(entity) {
    const context = (entity && entity['@context']) || {};
    const iri = (term) => {
      const colon = term.indexOf(':');
      const namespace = colon > 0 ? context[term.substring(0, colon)] : undefined;
      return typeof namespace === 'string' ? namespace + term.substring(colon + 1) : term;
    };
    const value = (v) => {
      if (typeof v !== 'object' || v === null) return { '@value': v };
      if ('@value' in v) return '@type' in v ? { ...v, '@type': iri(v['@type']) } : v;
      if ('@id' in v && Object.keys(v).length === 1) return { '@id': iri(v['@id']) };
      return node(v);
    };
    const node = (n) => {
      const out = {};
      Object.entries(n).forEach(([key, v]) => {
        if (key === '@id') out['@id'] = iri(v);
        else if (key === '@type') out['@type'] = [].concat(v).map(iri);
        else if (key !== '@context') out[iri(key)] = [].concat(v).map(value);
      });
      return out;
    };
    return node(entity || {});
  }

  const values = (node, iri) => (node && node[iri]) || [];
  const first = (node, iri) => values(node, iri)[0];
  const ref = (node, iri) => (first(node, iri) || {})['@id'];
  /** The value of a literal property, in Czech where the entity has several languages. */
  const literal = (node, iri) => {
    const literals = values(node, iri).filter((v) => '@value' in v);
    return (literals.find((v) => v['@language'] === 'cs') || literals[0] || {})['@value'];
  };
  const localName = (iri) => decodeURIComponent(iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1));

  return { expanded, values, first, ref, literal, localName };
})();

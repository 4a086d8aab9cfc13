// The query UI: YASGUI over the hub's own endpoint (same origin), with the example queries of vocab/queries/.
// Nothing is fetched from anywhere but the hub: YASGUI's completers that ask prefix.cc and LOV are switched off, and
// prefixes are completed from the prefixes the examples declare (/query-ui/prefixes.json).
(function () {
  'use strict';

  const endpoint = new URL('/sparql', window.location.href).href;
  const offline = ['variables', 'prefixes'];
  const completers = Yasgui.Yasqe.defaults.autocompleters;
  for (let i = completers.length - 1; i >= 0; i--) {
    if (!offline.includes(completers[i])) {
      completers.splice(i, 1);
    }
  }

  document.getElementById('endpoint').textContent = endpoint;

  fetch('/query-ui/examples.json', { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) {
        throw new Error('examples.json answered ' + response.status);
      }
      return response.json();
    })
    .then(start)
    .catch((error) => {
      document.getElementById('examples-error').hidden = false;
      console.error(error);
      start([]);
    });

  function start(examples) {
    const yasgui = new Yasgui(document.getElementById('yasgui'), {
      requestConfig: { endpoint: endpoint, method: 'POST' },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
      persistenceId: 'spojka-query-ui',
      tabName: 'Dotaz · Query',
      yasqe: {
        prefixCcApi: '/query-ui/prefixes.json',
        value: examples.length ? examples[0].query : 'SELECT * WHERE { ?s ?p ?o } LIMIT 10',
      },
    });
    list(examples, yasgui);
    window.spojkaQueryUi = yasgui;
    document.body.dataset.ui = 'ready';
  }

  /** The examples by group, in file order; a click opens the example in its own tab (once) and runs it. */
  function list(examples, yasgui) {
    const nav = document.getElementById('examples');
    const groups = new Map();
    for (const example of examples) {
      const key = example.groupCs;
      if (!groups.has(key)) {
        const heading = element('h3', example.groupCs, example.groupEn);
        const items = document.createElement('ul');
        nav.append(heading, items);
        groups.set(key, items);
      }
      const button = element('button', example.titleCs, example.titleEn);
      button.type = 'button';
      button.title = example.description;
      button.dataset.example = example.id;
      button.addEventListener('click', () => run(example, yasgui));
      const item = document.createElement('li');
      item.append(button);
      groups.get(key).append(item);
    }
    document.body.dataset.examples = String(examples.length);
  }

  function run(example, yasgui) {
    const tab = yasgui.addTab(
      true,
      { name: example.titleCs, yasqe: { value: example.query }, requestConfig: { endpoint: endpoint } },
      { avoidDuplicateTabs: true }
    );
    yasgui.selectTabId(tab.getId());
    tab.query().catch(() => {});
  }

  /** An element with a Czech text and its English translation beside it. */
  function element(name, cs, en) {
    const node = document.createElement(name);
    const english = document.createElement('span');
    english.lang = 'en';
    english.textContent = en;
    node.append(document.createTextNode(cs + ' '), english);
    return node;
  }
})();

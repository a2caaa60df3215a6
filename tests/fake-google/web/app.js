// The fake Gmail page's only script (same-origin, so Gmail-like CSP and Trusted Types hold).
// Like Gmail, opening a conversation is a hash change plus a DOM swap inside div[role="main"],
// never a page load. body[data-fake-ready] names the hash whose view is on screen.
(() => {
  const policy = window.trustedTypes
    ? window.trustedTypes.createPolicy('fake-gmail', { createHTML: (html) => html })
    : { createHTML: (html) => html };
  const base = document.body.dataset.accountPath;
  const main = document.querySelector('div[role="main"]');
  let latest = 0;

  async function render() {
    const id = ++latest;
    const hash = location.hash.replace(/^#/, '');
    const response = await fetch(`${base}/__fake/view?hash=${encodeURIComponent(hash)}`, { credentials: 'same-origin' });
    const view = await response.json();
    if (id !== latest) return;
    main.innerHTML = policy.createHTML(view.html);
    document.title = view.title;
    document.querySelector('.nav .bsU').textContent = view.unread > 0 ? String(view.unread) : '';
    for (const link of document.querySelectorAll('.nav a')) {
      link.classList.toggle('active', link.dataset.view === view.folder);
    }
    document.body.dataset.view = view.kind;
    document.body.dataset.fakeReady = hash;
  }

  main.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest('tr.zA') : null;
    if (row) location.hash = row.dataset.href;
  });
  document.querySelector('form.search').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new FormData(event.target).get('q');
    location.hash = `#search/${encodeURIComponent(String(query))}`;
  });
  window.addEventListener('hashchange', render);
  render();
})();

// The JavaScript API as docs/embedding.md showed it in 0.x, recording what it sees.
window.contract = { events: [], widget: null };
const element = document.querySelector('#news');
element.addEventListener('iom-news:open', (e) => window.contract.events.push(`open ${e.detail}`));
element.addEventListener('iom-news:close', (e) => window.contract.events.push(`close ${e.detail}`));
IOMNews.mount(document.querySelector('#news'), {
  feed: 'news.json', layout: 'cards', pageSize: 6, theme: 'auto',
}).then((widget) => {
  window.contract.widget = widget;
});

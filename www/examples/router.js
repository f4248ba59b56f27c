// A host page's own fragment router: the route is the first "&"-separated part of the
// fragment (#/about). The widget adds its own part (&iom-news=...) and leaves this one alone.
(function () {
  function route() {
    var first = location.hash.replace(/^#/, '').split('&')[0];
    var name = first.indexOf('/') === 0 ? first.slice(1) : 'home';
    if (name !== 'home' && name !== 'about') name = 'home';
    document.getElementById('route').textContent = name;
    document.getElementById('page-home').hidden = name !== 'home';
    document.getElementById('page-about').hidden = name !== 'about';
    window.routeChanges = (window.routeChanges || 0) + 1;
  }
  window.addEventListener('hashchange', route);
  route();
})();

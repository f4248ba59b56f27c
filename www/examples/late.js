// Adds an <iom-news> element on demand, the way a host app renders content late.
document.getElementById('add').addEventListener('click', function () {
  var widget = document.createElement('iom-news');
  widget.setAttribute('feed', '../synthetic.json');
  widget.setAttribute('page-size', '4');
  document.getElementById('slot').append(widget);
});

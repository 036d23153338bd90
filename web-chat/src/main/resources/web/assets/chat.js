/* /chat: the assistant on a page of its own, the same widget and socket, shown in place of the launcher. */
(function () {
  'use strict';
  var host = document.getElementById('chat');
  var logout = document.getElementById('logout');
  TracelaneSession.gate(document.getElementById('login'), function (token, claims) {
    document.getElementById('who').textContent = claims.sub + ' (' + claims.org + ')';
    logout.hidden = false;
    host.hidden = false;
    Tracelane('boot', {container: host, user: {token: token}});
  });
  logout.addEventListener('click', function () {
    TracelaneSession.logout();
    window.location.reload();
  });
}());

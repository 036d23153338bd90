/*
 * The signed-in user of this service's own pages (/chat, /dashboard): the access token from POST /login, kept in
 * sessionStorage (gone with the tab), or handed over as #token=... (a fragment never reaches a server's logs).
 */
(function (window) {
  'use strict';
  var KEY = 'tracelane.token';

  function claims(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(window.atob(part), function (c) {
        return c.charCodeAt(0);
      })));
    } catch (e) {
      return null;
    }
  }

  function valid(token) {
    var c = token && claims(token);
    return !!c && (!c.exp || c.exp * 1000 > Date.now());
  }

  function token() {
    var hash = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (hash) {
      window.sessionStorage.setItem(KEY, hash);
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    var stored = window.sessionStorage.getItem(KEY);
    return valid(stored) ? stored : null;
  }

  function login(username, password) {
    return fetch('/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({username: username, password: password})}).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status === 401 ? 'Wrong username or password.' : 'Sign-in failed (' + r.status + ').');
      }
      return r.json();
    }).then(function (body) {
      window.sessionStorage.setItem(KEY, body.access_token);
      return body.access_token;
    });
  }

  function logout() {
    window.sessionStorage.removeItem(KEY);
    if (window.Tracelane) {
      window.Tracelane('shutdown');
    }
  }

  /** Shows the sign-in form until there is a token, then calls start(token). */
  function gate(form, start) {
    var current = token();
    if (current) {
      form.hidden = true;
      start(current, claims(current));
      return;
    }
    form.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var error = form.querySelector('[role=alert]');
      error.textContent = '';
      login(form.elements.username.value, form.elements.password.value).then(function (t) {
        form.hidden = true;
        start(t, claims(t));
      }, function (err) {
        error.textContent = err.message;
        form.elements.password.focus();
      });
    });
    form.elements.username.focus();
  }

  window.TracelaneSession = {token: token, login: login, logout: logout, gate: gate, claims: claims};
}(window));

/*
 * Tracelane chat widget. One <script async src=".../widget.js"> embeds the assistant on any site; commands go
 * through window.Tracelane(command, ...), queued by the inline stub until this file has loaded. Plain JS with no
 * dependencies, drawn in a shadow root so the host page's CSS does not reach in and the widget's does not leak out.
 * docs/web.md describes the boot options, commands and events.
 */
(function (window, document) {
  'use strict';
  var previous = window.Tracelane;
  if (previous && previous.version) {
    return; // loaded twice: the first copy keeps running, the queue stays with it
  }

  var script = document.currentScript;
  var DEFAULT_BASE = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  var STORE = 'tracelane:';
  var MAX_BACKOFF = 15000;

  var STRINGS = {
    title: 'Tracelane assistant',
    open: 'Open chat',
    close: 'Close chat',
    unread: '{n} unread',
    placeholder: 'Ask about a shipment…',
    message: 'Message',
    send: 'Send',
    sending: 'Sending…',
    conversation: 'Conversation',
    connecting: 'Connecting…',
    online: 'Online',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    ask: 'Ask about this',
    askText: 'what alerts are on {ref}?',
    alert: 'Alert',
    resolved: 'Resolved',
    empty: 'Ask where a shipment is, when it arrives, or what went wrong.'
  };

  var ICONS = {
    chat: '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" fill="currentColor"/></svg>',
    close: '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>',
    send: '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 20l18-8L3 4v6l12 2-12 2z" fill="currentColor"/></svg>',
    alert: '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3l10 18H2z" fill="currentColor"/><path d="M12 10v5M12 17.5v.5" stroke="#fff" stroke-width="2" stroke-linecap="round"/></svg>'
  };

  var CSS = [
    ':host{all:initial}',
    '.tl{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f29;--accent:#0b57a4;--focus:#f5a400}',
    '.tl *{box-sizing:border-box}',
    '.launcher{position:fixed;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:var(--accent);color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;display:grid;place-items:center}',
    '.launcher svg{width:28px;height:28px}',
    '.tl[data-position=right] .launcher{right:20px}.tl[data-position=left] .launcher{left:20px}',
    '.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b3261e;color:#fff;font:700 12px/22px system-ui,sans-serif;text-align:center}',
    '.panel{position:fixed;bottom:88px;width:min(380px,calc(100vw - 24px));height:min(560px,calc(100vh - 110px));background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden;z-index:2147483000;transition:opacity .15s ease,transform .15s ease}',
    '.tl[data-position=right] .panel{right:20px}.tl[data-position=left] .panel{left:20px}',
    '.panel[hidden]{display:none}',
    '.tl[data-mode=page] .panel{position:static;width:100%;height:100%;border-radius:0;box-shadow:none}',
    '.tl[data-mode=page]{display:block;height:100%}',
    '.tl[data-mode=page] .close{display:none}',
    'header.top{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--accent);color:#fff}',
    'header.top h2{font-size:16px;margin:0;flex:1}',
    '.status{font-size:12px;display:flex;align-items:center;gap:5px}',
    '.dot{width:9px;height:9px;border-radius:50%;background:#c9ced6}',
    '.status[data-state=online] .dot{background:#3ddc84}.status[data-state=reconnecting] .dot,.status[data-state=connecting] .dot{background:#ffc93c}.status[data-state=offline] .dot{background:#ff6b6b}',
    'button.icon{background:transparent;border:0;color:inherit;width:34px;height:34px;border-radius:6px;cursor:pointer;display:grid;place-items:center}',
    'button.icon svg{width:20px;height:20px}',
    '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f4f6f9}',
    '.empty{color:#4a5261;font-size:14px;margin:auto 0}',
    '.msg{max-width:85%;padding:8px 11px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}',
    '.msg.user{align-self:flex-end;background:var(--accent);color:#fff}',
    '.msg.bot{align-self:flex-start;background:#fff;border:1px solid #d5dae1}',
    '.msg.error{align-self:stretch;background:#fdecea;color:#7a1a14;border:1px solid #f3b8b2}',
    '.meta{display:block;font-size:11px;opacity:.85;margin-top:2px}',
    '.progress{font-size:13px;color:#4a5261;font-style:italic}',
    '.progress:empty{display:none}',
    '.card{align-self:stretch;background:#fff;border:1px solid #d5dae1;border-left:5px solid #5b6472;border-radius:8px;padding:8px 10px}',
    '.card.warning{border-left-color:#b86e00}.card.critical{border-left-color:#b3261e}.card.info{border-left-color:var(--accent)}',
    '.card h3{margin:0 0 4px;font-size:14px;display:flex;align-items:center;gap:6px}',
    '.card h3 svg{width:16px;height:16px;flex:none}',
    '.card.warning h3 svg{color:#b86e00}.card.critical h3 svg{color:#b3261e}.card.info h3 svg{color:var(--accent)}',
    '.sev{font-size:11px;font-weight:700;text-transform:uppercase;padding:1px 6px;border-radius:4px;background:#eef0f3;color:#1a1f29}',
    '.card p{margin:0 0 6px;white-space:pre-wrap}',
    '.actions{display:flex;gap:10px;align-items:center;flex-wrap:wrap}',
    '.actions a{color:var(--accent);font-weight:600}',
    '.actions button{font:inherit;font-size:13px;padding:4px 10px;border:1px solid var(--accent);color:var(--accent);background:#fff;border-radius:6px;cursor:pointer}',
    'form.composer{display:flex;gap:8px;padding:10px;border-top:1px solid #d5dae1;background:#fff}',
    'textarea{flex:1;resize:none;font:inherit;padding:8px 10px;border:1px solid #8a93a3;border-radius:8px;min-height:40px;max-height:120px;color:#1a1f29}',
    'button.send{width:42px;border:0;border-radius:8px;background:var(--accent);color:#fff;cursor:pointer;display:grid;place-items:center}',
    'button.send svg{width:20px;height:20px}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    ':focus{outline:none}',
    ':focus-visible{outline:3px solid var(--focus);outline-offset:2px}',
    'textarea:focus-visible{outline-offset:0}',
    '@media (prefers-reduced-motion:reduce){.panel{transition:none}}'
  ].join('\n');

  function template(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k] == null ? '' : values[k]; });
  }

  /** The JWT's claims, read only to keep each user's local state apart; the server is what checks the token. */
  function claims(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var bytes = Uint8Array.from(window.atob(part), function (c) { return c.charCodeAt(0); });
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return {};
    }
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return 'm' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null; // storage blocked (third-party context): the widget works, without memory across reloads
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  function Widget(options, emit) {
    this.emit = emit;
    this.options = {};
    this.strings = Object.assign({}, STRINGS);
    this.socket = null;
    this.attempt = 0;
    this.timer = null;
    this.state = 'connecting';
    this.isOpen = false;
    this.unread = 0;
    this.apply(options);
    this.build();
    this.startSession();
    var self = this;
    this.onOnline = function () { self.reconnectNow(); };
    this.onVisible = function () { if (document.visibilityState === 'visible') { self.reconnectNow(); } };
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  Widget.prototype.apply = function (options) {
    var o = Object.assign(this.options, options || {});
    o.baseUrl = (o.baseUrl || DEFAULT_BASE).replace(/\/+$/, '');
    o.position = o.position === 'left' ? 'left' : 'right';
    o.mode = o.container ? 'page' : 'launcher';
    Object.assign(this.strings, o.strings || {});
  };

  /** Everything kept per site and user: conversation, draft and unsent messages. */
  Widget.prototype.startSession = function () {
    var sub = claims(this.token()).sub || 'anonymous';
    this.storeKey = STORE + (this.options.siteKey || 'self') + ':' + sub;
    this.saved = this.load();
    this.rendered = {};
    this.bubbles = {};
    this.lastSeq = 0;
    this.historyLoaded = false;
    this.inFlight = null;
    this.log.textContent = '';
    this.log.appendChild(el('p', {'class': 'empty'}, this.strings.empty));
    this.input.value = this.saved.draft || '';
    var self = this;
    this.saved.outbox.forEach(function (m) { self.renderUser(m.text, m.clientMsgId, true); });
    this.connect();
  };

  Widget.prototype.token = function () {
    return (this.options.user && this.options.user.token) || '';
  };

  Widget.prototype.load = function () {
    var s = storage();
    var saved = null;
    try {
      saved = s && JSON.parse(s.getItem(this.storeKey) || 'null');
    } catch (e) {
      saved = null;
    }
    saved = saved || {};
    return {conversationId: saved.conversationId || null, draft: saved.draft || '', outbox: saved.outbox || []};
  };

  Widget.prototype.save = function () {
    var s = storage();
    if (s) {
      try {
        s.setItem(this.storeKey, JSON.stringify(this.saved));
      } catch (e) {
        // quota or privacy mode: state lives in memory for this page only
      }
    }
  };

  Widget.prototype.build = function () {
    var o = this.options;
    var host = el('div', {'data-tracelane': 'widget'});
    // open, not closed: a host's scripts can reach any of its page anyway, and tests and assistive tools need in
    var root = host.attachShadow({mode: 'open'});
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet(); // constructed, so a host page CSP without 'unsafe-inline' still lets it in
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', {}, CSS));
    }
    var s = this.strings;
    var wrap = el('div', {'class': 'tl', 'data-position': o.position, 'data-mode': o.mode});
    if (o.locale) {
      wrap.setAttribute('lang', o.locale);
    }
    var launcher = el('button', {'class': 'launcher', type: 'button', 'aria-expanded': 'false',
      'aria-controls': 'tl-panel', 'aria-label': s.open});
    launcher.innerHTML = ICONS.chat;
    var badge = el('span', {'class': 'badge', 'aria-hidden': 'true'});
    badge.hidden = true;
    launcher.appendChild(badge);
    var panel = el('section', {'class': 'panel', id: 'tl-panel', role: 'dialog', 'aria-labelledby': 'tl-title'});
    var top = el('header', {'class': 'top'});
    top.appendChild(el('h2', {id: 'tl-title'}, o.title || s.title));
    var status = el('span', {'class': 'status', role: 'status', 'data-state': 'connecting'});
    status.appendChild(el('span', {'class': 'dot', 'aria-hidden': 'true'}));
    var statusText = el('span', {'class': 'status-text'}, s.connecting);
    status.appendChild(statusText);
    top.appendChild(status);
    var close = el('button', {'class': 'icon close', type: 'button', 'aria-label': s.close});
    close.innerHTML = ICONS.close;
    top.appendChild(close);
    var log = el('div', {'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-label': s.conversation,
      tabindex: '0'});
    var form = el('form', {'class': 'composer'});
    form.appendChild(el('label', {'class': 'sr', 'for': 'tl-input'}, s.message));
    var input = el('textarea', {id: 'tl-input', rows: '1', maxlength: '2000', placeholder: s.placeholder});
    form.appendChild(input);
    var send = el('button', {'class': 'send', type: 'submit', 'aria-label': s.send});
    send.innerHTML = ICONS.send;
    form.appendChild(send);
    panel.appendChild(top);
    panel.appendChild(log);
    panel.appendChild(form);
    if (o.mode === 'launcher') {
      wrap.appendChild(launcher);
      panel.hidden = true;
    } else {
      this.isOpen = true;
    }
    wrap.appendChild(panel);
    root.appendChild(wrap);
    if (o.mode === 'page') {
      host.style.cssText = 'display:block;height:100%';
    }
    (o.container || document.body).appendChild(host);

    var self = this;
    launcher.addEventListener('click', function () { self.setOpen(!self.isOpen); });
    close.addEventListener('click', function () { self.setOpen(false); });
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && self.options.mode === 'launcher') {
        e.preventDefault();
        self.setOpen(false);
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      self.submit();
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        self.submit();
      }
    });
    input.addEventListener('input', function () {
      self.saved.draft = input.value;
      self.save();
    });
    this.host = host;
    this.wrap = wrap;
    this.launcher = launcher;
    this.badge = badge;
    this.panel = panel;
    this.status = status;
    this.statusText = statusText;
    this.log = log;
    this.input = input;
  };

  Widget.prototype.setOpen = function (open) {
    if (this.options.mode !== 'launcher' || open === this.isOpen) {
      return;
    }
    this.isOpen = open;
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      this.setUnread(0);
      this.input.focus();
      this.log.scrollTop = this.log.scrollHeight;
      this.emit('opened', {});
    } else {
      this.launcher.focus();
      this.emit('closed', {});
    }
  };

  Widget.prototype.setUnread = function (n) {
    this.unread = n;
    this.badge.hidden = n === 0;
    this.badge.textContent = String(n);
    this.launcher.setAttribute('aria-label', n === 0 ? this.strings.open
      : this.strings.open + ', ' + template(this.strings.unread, {n: n}));
    this.emit('unread', {count: n});
  };

  Widget.prototype.noteUnseen = function () {
    if (!this.isOpen) {
      this.setUnread(this.unread + 1);
    }
  };

  Widget.prototype.setState = function (state) {
    if (state === this.state) {
      return;
    }
    this.state = state;
    this.status.setAttribute('data-state', state);
    this.statusText.textContent = this.strings[state];
    this.emit('status', {state: state});
  };

  // --- the socket ---------------------------------------------------------------------------------------

  Widget.prototype.socketUrl = function () {
    var url = new URL(this.options.baseUrl + '/ws/chat');
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('access_token', this.token());
    if (this.options.siteKey) {
      url.searchParams.set('siteKey', this.options.siteKey);
    }
    return url.toString();
  };

  Widget.prototype.connect = function () {
    clearTimeout(this.timer);
    if (this.socket || this.closedForGood) {
      return;
    }
    if (!this.token()) {
      this.setState('offline');
      this.emit('error', {code: 'no_token', message: 'boot needs user.token'});
      return;
    }
    var self = this;
    var opened = false;
    var socket = new WebSocket(this.socketUrl());
    this.socket = socket;
    socket.onopen = function () {
      opened = true;
      self.attempt = 0;
      self.setState('online');
      self.afterOpen();
    };
    socket.onmessage = function (e) {
      var frame;
      try {
        frame = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      self.receive(frame);
    };
    socket.onclose = function () {
      if (self.socket !== socket) {
        return;
      }
      self.socket = null;
      self.inFlight = null;
      self.dropPartialAnswers();
      if (!opened) {
        self.emit('error', {code: 'connect_failed', message: 'the chat service refused or could not be reached'});
      }
      self.scheduleReconnect();
    };
  };

  /** Exponential backoff with full jitter, so a restarted service is not hit by every widget at once. */
  Widget.prototype.scheduleReconnect = function () {
    if (this.closedForGood) {
      return;
    }
    this.attempt += 1;
    var offline = navigator.onLine === false || this.attempt > 6;
    this.setState(offline ? 'offline' : 'reconnecting');
    var ceiling = Math.min(MAX_BACKOFF, 500 * Math.pow(2, this.attempt - 1));
    var delay = ceiling / 2 + Math.random() * ceiling / 2;
    var self = this;
    var refresh = this.options.user && this.options.user.refresh;
    this.timer = setTimeout(function () {
      if (typeof refresh !== 'function') {
        self.connect();
        return;
      }
      Promise.resolve(refresh()).then(function (token) {
        if (token) {
          self.options.user.token = token;
        }
      }, function () { /* keep the old token */ }).then(function () { self.connect(); });
    }, delay);
  };

  Widget.prototype.reconnectNow = function () {
    if (!this.socket && !this.closedForGood) {
      this.attempt = 0;
      this.connect();
    }
  };

  /** History first (once), then whatever was stored while away, then the queue. */
  Widget.prototype.afterOpen = function () {
    var self = this;
    var ready = this.historyLoaded || !this.saved.conversationId ? Promise.resolve() : this.loadHistory();
    ready.then(function () {
      if (self.saved.conversationId) {
        self.sendFrame({type: 'resume', conversationId: self.saved.conversationId, lastSeq: self.lastSeq});
      }
      self.historyLoaded = true;
      self.flush();
    });
  };

  /** An answer cut off by a dropped socket comes back whole with resume, so its half is taken away. */
  Widget.prototype.dropPartialAnswers = function () {
    var bubbles = this.bubbles;
    Object.keys(bubbles).forEach(function (msg) { bubbles[msg].node.remove(); });
    this.bubbles = {};
  };

  /** The stored conversation, through the chat API (CORS for the site's origins). */
  Widget.prototype.loadHistory = function () {
    var self = this;
    var url = this.options.baseUrl + '/api/chat/' + encodeURIComponent(this.saved.conversationId)
      + '/messages?limit=500' + (this.options.siteKey ? '&siteKey=' + encodeURIComponent(this.options.siteKey) : '');
    return fetch(url, {headers: {Authorization: 'Bearer ' + this.token()}}).then(function (r) {
      if (r.status === 404) {
        self.saved.conversationId = null; // gone or not this user's: start afresh
        self.save();
        return [];
      }
      return r.ok ? r.json() : [];
    }).then(function (messages) {
      messages.forEach(function (m) { self.renderStored(m); });
      self.historyLoaded = true;
    }, function () {
      self.historyLoaded = false;
    });
  };

  Widget.prototype.sendFrame = function (frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  };

  // --- sending: an outbox in order, one message in flight, resent with the same clientMsgId -------------

  Widget.prototype.submit = function () {
    var text = this.input.value.trim();
    if (!text) {
      return;
    }
    this.input.value = '';
    this.saved.draft = '';
    this.queue(text);
  };

  Widget.prototype.queue = function (text) {
    var message = {clientMsgId: newId(), text: text};
    this.saved.outbox.push(message);
    this.save();
    this.renderUser(text, message.clientMsgId, true);
    this.flush();
  };

  Widget.prototype.flush = function () {
    if (this.inFlight || !this.historyLoaded || this.saved.outbox.length === 0) {
      return;
    }
    var head = this.saved.outbox[0];
    // the conversation is known once the first message is acked, so later ones wait for it
    if (this.sendFrame({type: 'chat.send', clientMsgId: head.clientMsgId,
      conversationId: this.saved.conversationId || undefined, text: head.text})) {
      this.inFlight = head.clientMsgId;
    }
  };

  // --- receiving --------------------------------------------------------------------------------------

  Widget.prototype.receive = function (f) {
    if (f.conversationId && f.conversationId !== this.saved.conversationId && f.type !== 'alert') {
      this.saved.conversationId = f.conversationId;
      this.save();
    }
    if (f.type === 'chat.ack') {
      this.acked(f);
    } else if (f.type === 'chat.progress') {
      var p = this.bubble(f.msg);
      p.progress.textContent = f.state === 'done' ? '' : (f.label || '');
    } else if (f.type === 'chat.delta') {
      var d = this.bubble(f.msg);
      d.parts[f.idx] = f.text;
      d.text.textContent = d.parts.join('');
      this.scroll();
    } else if (f.type === 'chat.final') {
      this.final(f);
    } else if (f.type === 'chat.error') {
      this.failed(f);
    } else if (f.type === 'alert') {
      if (!this.saved.conversationId && f.conversationId) {
        this.saved.conversationId = f.conversationId;
        this.save();
      }
      this.renderAlert(f.seq, f.text, f.alert, true);
    }
  };

  Widget.prototype.acked = function (f) {
    var sent = this.rendered['c:' + f.clientMsgId];
    if (sent) {
      sent.classList.remove('pending');
      var meta = sent.querySelector('.meta');
      if (meta) {
        meta.remove();
      }
    }
    this.saved.outbox = this.saved.outbox.filter(function (m) { return m.clientMsgId !== f.clientMsgId; });
    this.save();
    if (this.inFlight === f.clientMsgId) {
      this.inFlight = null;
    }
    this.bubble(f.msg);
    this.flush();
  };

  Widget.prototype.final = function (f) {
    this.track(f.seq);
    if (this.rendered['s:' + f.seq]) {
      if (this.bubbles[f.msg]) {
        this.bubbles[f.msg].node.remove(); // answered before: the stored answer is already on screen
        delete this.bubbles[f.msg];
      }
      return;
    }
    var b = this.bubble(f.msg);
    b.progress.textContent = '';
    b.text.textContent = f.text;
    b.node.removeAttribute('aria-busy');
    if (f.seq) {
      this.rendered['s:' + f.seq] = b.node;
    }
    delete this.bubbles[f.msg];
    this.scroll();
    this.noteUnseen();
    this.emit('message', {role: 'assistant', text: f.text, seq: f.seq, citations: f.citations || []});
  };

  Widget.prototype.failed = function (f) {
    var node = f.msg && this.bubbles[f.msg] ? this.bubbles[f.msg].node : null;
    if (node) {
      node.removeAttribute('aria-busy');
      node.className = 'msg error';
      node.textContent = f.message;
      delete this.bubbles[f.msg];
    } else {
      this.append(el('div', {'class': 'msg error', role: 'alert'}, f.message));
    }
    if (f.code === 'bad_request' || f.code === 'not_found') {
      this.dropInFlight();
    }
    this.emit('error', {code: f.code, message: f.message});
  };

  /** A message the server will never take (too long, unknown conversation) must not block the queue. */
  Widget.prototype.dropInFlight = function () {
    var id = this.inFlight;
    this.inFlight = null;
    this.saved.outbox = this.saved.outbox.filter(function (m) { return m.clientMsgId !== id; });
    this.save();
    this.flush();
  };

  /** The assistant's answer being written, made on its first frame. */
  Widget.prototype.bubble = function (msg) {
    var b = this.bubbles[msg];
    if (!b) {
      var node = el('div', {'class': 'msg bot', 'aria-busy': 'true'});
      var progress = el('div', {'class': 'progress'});
      var text = el('div', {'class': 'text'});
      node.appendChild(progress);
      node.appendChild(text);
      this.append(node);
      b = {node: node, progress: progress, text: text, parts: []};
      this.bubbles[msg] = b;
    }
    return b;
  };

  Widget.prototype.track = function (seq) {
    if (seq && seq > this.lastSeq) {
      this.lastSeq = seq;
    }
  };

  Widget.prototype.renderStored = function (m) {
    this.track(m.seq);
    if (m.role === 'user') {
      if (!this.rendered['c:' + m.clientMsgId]) {
        this.renderUser(m.text, m.clientMsgId, false);
      }
    } else if (m.role === 'alert') {
      this.renderAlert(m.seq, m.text, m.alert, false);
    } else if (!this.rendered['s:' + m.seq]) {
      var node = el('div', {'class': 'msg bot'}, m.text);
      this.rendered['s:' + m.seq] = node;
      this.append(node);
    }
  };

  Widget.prototype.renderUser = function (text, clientMsgId, pending) {
    var node = el('div', {'class': 'msg user' + (pending ? ' pending' : '')}, text);
    if (pending) {
      node.appendChild(el('span', {'class': 'meta'}, this.strings.sending));
    }
    if (clientMsgId) {
      this.rendered['c:' + clientMsgId] = node;
    }
    this.append(node);
  };

  Widget.prototype.renderAlert = function (seq, text, alert, live) {
    this.track(seq);
    if (seq && this.rendered['s:' + seq]) {
      return;
    }
    alert = alert || {};
    var severity = ['info', 'warning', 'critical'].indexOf(alert.severity) >= 0 ? alert.severity : 'warning';
    var resolved = alert.status === 'resolved';
    var card = el('article', {'class': 'card ' + (resolved ? 'info' : severity), 'data-ref': alert.ref || ''});
    var title = el('h3');
    title.innerHTML = ICONS.alert;
    title.appendChild(el('span', {}, alert.title || this.strings.alert));
    title.appendChild(el('span', {'class': 'sev'}, resolved ? this.strings.resolved : severity));
    card.appendChild(title);
    card.appendChild(el('p', {}, text));
    if (alert.ref) {
      var actions = el('div', {'class': 'actions'});
      var link = el('a', {href: this.shipmentLink(alert.ref), target: '_blank', rel: 'noopener'}, alert.ref);
      actions.appendChild(link);
      var ask = el('button', {type: 'button'}, this.strings.ask);
      var self = this;
      ask.addEventListener('click', function () {
        self.queue(template(self.strings.askText, {ref: alert.ref}));
        self.input.focus();
      });
      actions.appendChild(ask);
      card.appendChild(actions);
    }
    if (seq) {
      this.rendered['s:' + seq] = card;
    }
    this.append(card);
    if (live) {
      this.noteUnseen();
      this.emit('message', {role: 'alert', text: text, seq: seq, alert: alert});
    }
  };

  Widget.prototype.shipmentLink = function (ref) {
    var link = this.options.shipmentUrl || (this.options.baseUrl + '/dashboard?shipment={ref}');
    return template(link, {ref: encodeURIComponent(ref)});
  };

  Widget.prototype.append = function (node) {
    var empty = this.log.querySelector('.empty');
    if (empty) {
      empty.remove();
    }
    this.log.appendChild(node);
    this.scroll();
  };

  Widget.prototype.scroll = function () {
    this.log.scrollTop = this.log.scrollHeight;
  };

  // --- commands ---------------------------------------------------------------------------------------

  Widget.prototype.update = function (options) {
    var before = this.token();
    var sub = claims(before).sub;
    this.apply(options);
    this.wrap.setAttribute('data-position', this.options.position);
    if (this.token() !== before) {
      if (claims(this.token()).sub !== sub) {
        this.startSessionAfterClose();
      } else {
        this.reconnectNow();
      }
    }
  };

  Widget.prototype.startSessionAfterClose = function () {
    this.dropSocket();
    this.startSession();
  };

  Widget.prototype.dropSocket = function () {
    clearTimeout(this.timer);
    var socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.close(1000);
    }
  };

  /** @param forget on logout: the user's conversation, draft and queue leave this browser too */
  Widget.prototype.destroy = function (forget) {
    this.closedForGood = true;
    this.dropSocket();
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
    this.host.remove();
    var s = storage();
    if (forget && s) {
      for (var i = s.length - 1; i >= 0; i--) {
        var key = s.key(i);
        if (key && key.indexOf(STORE) === 0) {
          s.removeItem(key);
        }
      }
    }
  };

  // --- the public function ----------------------------------------------------------------------------

  var widget = null;
  var handlers = {};

  function emit(name, detail) {
    (handlers[name] || []).slice().forEach(function (fn) {
      try {
        fn(detail);
      } catch (e) {
        window.setTimeout(function () { throw e; }); // a host's handler error must not break the widget
      }
    });
    window.dispatchEvent(new CustomEvent('tracelane:' + name, {detail: detail}));
  }

  function Tracelane(command, arg, fn) {
    if (command === 'boot') {
      if (widget) {
        widget.destroy(false);
      }
      var start = function () {
        widget = new Widget(arg || {}, emit);
        emit('ready', {});
      };
      if (document.body) {
        start();
      } else {
        document.addEventListener('DOMContentLoaded', start);
      }
    } else if (command === 'on') {
      (handlers[arg] = handlers[arg] || []).push(fn);
    } else if (command === 'off') {
      handlers[arg] = (handlers[arg] || []).filter(function (h) { return h !== fn; });
    } else if (command === 'shutdown') {
      if (widget) {
        widget.destroy(true);
        widget = null;
      }
    } else if (!widget) {
      return;
    } else if (command === 'open') {
      widget.setOpen(true);
    } else if (command === 'close') {
      widget.setOpen(false);
    } else if (command === 'toggle') {
      widget.setOpen(!widget.isOpen);
    } else if (command === 'update') {
      widget.update(arg);
    } else if (command === 'send') {
      widget.queue(String(arg));
    }
  }

  Tracelane.version = '1';
  var queued = previous && previous.q ? Array.prototype.slice.call(previous.q) : [];
  window.Tracelane = Tracelane;
  queued.forEach(function (args) { Tracelane.apply(null, args); });
}(window, document));

/*
 * A /ws/live subscriber for the pages: reconnects by itself (backoff with jitter) and resumes each topic after the
 * last seq it saw, so no update is missed across a reconnect; a resync asks the page to reload from REST.
 */
(function (window) {
  'use strict';

  function Live(token, topics, handlers) {
    this.token = token;
    this.topics = topics;
    this.handlers = handlers;
    this.since = {};
    this.attempt = 0;
    this.connect();
  }

  Live.prototype.connect = function () {
    var self = this;
    var url = new URL('/ws/live', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('access_token', this.token);
    var socket = new WebSocket(url.toString());
    this.socket = socket;
    socket.onopen = function () {
      self.attempt = 0;
      var since = {};
      Object.keys(self.since).forEach(function (t) { since[t] = self.since[t]; });
      socket.send(JSON.stringify({type: 'subscribe', topics: self.topics, since: since}));
      (self.handlers.status || function () {})('online');
    };
    socket.onmessage = function (e) {
      var frame = JSON.parse(e.data);
      var frames = frame.type === 'batch' ? positions(frame).concat(frame.messages) : [frame];
      frames.forEach(function (f) {
        if (f.seq && f.topic) {
          self.since[f.topic] = f.seq;
        }
        if (f.type === 'update') {
          self.handlers.update(f);
        } else if (f.type === 'alert' && self.handlers.alert) {
          self.handlers.alert(f.alert);
        } else if (f.type === 'resync' && self.handlers.resync) {
          self.handlers.resync(f.topic);
        }
      });
      if (frame.type === 'batch') {
        self.since[frame.topic] = frame.seq; // positions and other messages interleave in seq
      }
    };
    socket.onclose = function () {
      (self.handlers.status || function () {})('reconnecting');
      self.attempt += 1;
      var ceiling = Math.min(15000, 500 * Math.pow(2, self.attempt - 1));
      setTimeout(function () { self.connect(); }, ceiling / 2 + Math.random() * ceiling / 2);
    };
  };

  /** A batch's position rows as the update frames they stand for (docs/live.md, "Topics"). */
  function positions(batch) {
    return (batch.positions || []).map(function (row) {
      var data = {};
      batch.columns.forEach(function (column, i) {
        if (i > 0 && row[i] !== undefined && row[i] !== null) {
          data[column] = row[i];
        }
      });
      return {type: 'update', topic: batch.topic, seq: row[0], kind: 'position', data: data};
    });
  }

  window.TracelaneLive = Live;
}(window));

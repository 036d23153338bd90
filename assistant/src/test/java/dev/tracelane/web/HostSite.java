package dev.tracelane.web;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A customer's web site on another origin ({@code http://127.0.0.1:<its own port>}) that embeds the widget with the
 * documented snippet, as its backend would render it for a signed-in user. Its CSS is hostile on purpose.
 */
final class HostSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    HostSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Serves a page at {@code path} that boots the widget of {@code service} with the site key and the user's token,
     * loading the script twice (as a careless site might), and records the widget's DOM events in {@code window.events}.
     */
    String embed(String path, String service, String siteKey, String token) {
        pages.put(path, """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Host shop</title>
                <style>* { font-family: serif !important; color: #c00; } button { background: pink; width: 3px; }</style>
                <script>
                  window.events = [];
                  ['ready', 'opened', 'closed', 'message', 'unread', 'error', 'status'].forEach(function (n) {
                    window.addEventListener('tracelane:' + n, function (e) { window.events.push(n); });
                  });
                  window.Tracelane = window.Tracelane || function () { (Tracelane.q = Tracelane.q || []).push(arguments); };
                  Tracelane('boot', {baseUrl: '%1$s', siteKey: '%2$s', user: {token: '%3$s'}});
                </script>
                <script async src="%1$s/widget.js"></script>
                <script async src="%1$s/widget.js"></script>
                </head><body><a href="#top">Home</a><h1>Host shop</h1><p>Our products.</p></body></html>
                """.formatted(service, siteKey, token));
        return origin() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.tracelane.web.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Browser origins as the {@code Origin} header writes them: {@code scheme://host[:port]}, nothing else. */
public final class WebOrigin {
    private WebOrigin() {
    }

    /** @return the origin in the one spelling a browser sends, or empty when it is not an http(s) origin */
    public static Optional<String> normalize(String origin) {
        if (origin == null || origin.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether a browser's {@code Origin} names the host the request was sent to (a page of this service). */
    public static boolean sameAsHost(String origin, String host) {
        return normalize(origin).map(o -> host != null && o.substring(o.indexOf("://") + 3)
                .equalsIgnoreCase(withoutDefaultPort(host, o))).orElse(false);
    }

    private static String withoutDefaultPort(String host, String origin) {
        String port = origin.startsWith("https") ? ":443" : ":80";
        return host.endsWith(port) ? host.substring(0, host.length() - port.length()) : host;
    }
}

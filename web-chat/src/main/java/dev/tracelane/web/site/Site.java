package dev.tracelane.web.site;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A site that embeds the chat widget.
 *
 * @param siteKey public: it is written in the host page
 * @param org     the org whose users may chat through this site
 * @param origins the browser origins ({@code scheme://host[:port]}) allowed to use the key
 */
@Serdeable
public record Site(String siteKey, String org, String name, List<String> origins) {

    public boolean allows(String origin) {
        return WebOrigin.normalize(origin).map(origins::contains).orElse(false);
    }
}

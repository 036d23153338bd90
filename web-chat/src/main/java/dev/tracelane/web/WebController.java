package dev.tracelane.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URL;
import java.util.Optional;

/**
 * The web front ends (CONTRACT.md, "Web"), plain files from this jar: the widget script, the full-page chat,
 * the dashboard, the public tracking page, a sample host page for the widget, and their assets. The pages hold
 * no data: they call the API with the user's token.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class WebController {
    private static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist/";
    /** Pages and the widget script are revalidated on every load, so a release reaches embedded sites at once. */
    private static final String FRESH = "no-cache";
    /** Pages load only this service's scripts and talk only to it. */
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Get("/widget.js")
    public HttpResponse<StreamedFile> widget() {
        return serve("web/widget.js", FRESH);
    }

    @Get("/chat")
    public HttpResponse<StreamedFile> chat() {
        return page("chat.html");
    }

    @Get("/dashboard")
    public HttpResponse<StreamedFile> dashboard() {
        return page("dashboard.html");
    }

    @Get("/track/{ref}")
    public HttpResponse<StreamedFile> track(@PathVariable String ref) {
        return page("track.html");
    }

    /** A stand-in for a customer's site: shows the one-tag embedding working in the demo. */
    @Get("/widget-demo")
    public HttpResponse<StreamedFile> widgetDemo() {
        return serve("web/widget-demo.html", FRESH);
    }

    @Get("/assets/{+path}")
    public HttpResponse<StreamedFile> asset(@PathVariable String path) {
        if (path.contains("..") || path.contains("\\")) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST);
        }
        String resource = path.startsWith("leaflet/") ? LEAFLET + path.substring("leaflet/".length())
                : "web/assets/" + path;
        return serve(resource, "public, max-age=3600");
    }

    private HttpResponse<StreamedFile> page(String name) {
        return file("web/" + name).map(r -> r.header("Cache-Control", FRESH)
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("Referrer-Policy", "no-referrer")).orElseGet(HttpResponse::notFound);
    }

    private HttpResponse<StreamedFile> serve(String resource, String cacheControl) {
        return file(resource).map(r -> r.header("Cache-Control", cacheControl)).orElseGet(HttpResponse::notFound);
    }

    private Optional<MutableHttpResponse<StreamedFile>> file(String resource) {
        URL url = getClass().getClassLoader().getResource(resource);
        return Optional.ofNullable(url).map(u -> HttpResponse.ok(new StreamedFile(u))
                .header("X-Content-Type-Options", "nosniff"));
    }
}

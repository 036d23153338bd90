package dev.tracelane.bench;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How smooth {@code /dashboard} stays while the fleet moves: opens it in Debian's headless Chromium with a
 * coordinator's token (LiveBench prints one as it drives its trucks), waits for the live stream to settle, then
 * measures animation-frame intervals and long tasks (main thread blocked over 50 ms) for a while. Loopback only;
 * it stops by itself.
 * <p>
 * Usage: {@code DashboardProbe <url> <token> [seconds] [--profile]}; with {@code --profile} it samples the page's
 * JavaScript instead and prints where the time went.
 */
public final class DashboardProbe {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final long SETTLE_MILLIS = 15_000;

    private DashboardProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DashboardProbe <url> <token> [seconds]");
            System.exit(2);
        }
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path profile = Files.createTempDirectory("tracelane-probe");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(seconds + 30));
            driver.get(args[0] + "/dashboard#token=" + args[1]);
            Thread.sleep(SETTLE_MILLIS);
            if (args.length > 3 && args[3].equals("--profile")) {
                profile(driver, seconds);
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(MEASURE,
                    seconds * 1000);
            @SuppressWarnings("unchecked")
            List<Number> frames = (List<Number>) m.get("frames");
            double[] sorted = frames.stream().mapToDouble(Number::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "Tracelane dashboard probe: %s shipments listed, %d s measured%n",
                    m.get("shipments"), seconds);
            System.out.printf(Locale.ROOT, "  frames %.1f/s; interval p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted.length / (double) seconds, at(sorted, 0.5), at(sorted, 0.95), at(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
            System.out.printf(Locale.ROOT, "  long tasks (main thread busy > 50 ms): %s, %s ms in all%n",
                    m.get("longTasks"), m.get("longTaskMillis"));
        } finally {
            driver.quit();
        }
        System.exit(0);
    }

    /** Samples the page's JavaScript for a while and prints where its time went, by function. */
    @SuppressWarnings("unchecked")
    private static void profile(ChromeDriver driver, int seconds) throws InterruptedException {
        driver.executeCdpCommand("Profiler.enable", Map.of());
        driver.executeCdpCommand("Profiler.start", Map.of());
        Thread.sleep(seconds * 1000L);
        Map<String, Object> result = driver.executeCdpCommand("Profiler.stop", Map.of());
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) ((Map<String, Object>) result.get("profile"))
                .get("nodes");
        Map<String, Long> hits = new java.util.TreeMap<>();
        long total = 0;
        for (Map<String, Object> node : nodes) {
            Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
            String url = String.valueOf(frame.get("url"));
            String where = frame.get("functionName") + " " + url.substring(url.lastIndexOf('/') + 1) + ":"
                    + frame.get("lineNumber");
            long count = ((Number) node.getOrDefault("hitCount", 0)).longValue();
            hits.merge(where, count, Long::sum);
            total += count;
        }
        long all = total;
        System.out.println("Tracelane dashboard profile, " + seconds + " s, self time by function:");
        hits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / all,
                        e.getKey()));
    }

    private static double at(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** Records every animation-frame interval and the long tasks while the page takes the live stream. */
    private static final String MEASURE = """
            const millis = arguments[0], done = arguments[arguments.length - 1];
            const frames = []; let longTasks = 0, longTaskMillis = 0, last = performance.now();
            new PerformanceObserver(list => list.getEntries().forEach(e => { longTasks++; longTaskMillis += e.duration; }))
                .observe({entryTypes: ['longtask']});
            const end = last + millis;
            function tick(now) {
                frames.push(now - last); last = now;
                if (now < end) { requestAnimationFrame(tick); return; }
                const shipments = (document.getElementById('ship-count') || {}).textContent;
                done({frames, longTasks, longTaskMillis: Math.round(longTaskMillis), shipments});
            }
            requestAnimationFrame(tick);
            """;
}

package dev.tracelane.agent;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The texts of the {@code prompts} module: system prompts per role, tool descriptions, progress lines, alert
 * phrasing and the built-in model's example utterances. Read once; a missing text fails at start-up.
 */
@Singleton
public class Prompts {
    /** The intents of the built-in model, one example file each under {@code prompts/intents/}. */
    public static final List<String> INTENTS = List.of("locate", "eta", "why_late", "temperature",
            "shipment_alerts", "timeline", "search_late", "search", "reefers", "fleet", "alerts", "greeting", "help",
            "unsupported");
    private final String common = text("system/common.txt");
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Properties tools = properties("tools.properties");
    private final Properties progress = properties("progress.properties");
    private final Properties alerts = properties("alerts.properties");

    public Prompts() {
        for (String role : List.of("customer", "coordinator", "support")) {
            roles.put(role, text("system/" + role + ".txt"));
        }
    }

    /** The system prompt for a user with these roles: customers get theirs, support agents theirs, others the coordinator's. */
    public String system(List<String> userRoles) {
        String role = userRoles.contains("customer") ? "customer" : userRoles.contains("support") ? "support"
                : "coordinator";
        return common + "\n" + roles.get(role);
    }

    public String toolDescription(String tool) {
        return required(tools, tool);
    }

    /** @return the parameter's description, or null when it needs none */
    public String parameterDescription(String tool, String parameter) {
        return tools.getProperty(tool + "." + parameter);
    }

    public String progress(String tool, String subject) {
        return MessageFormat.format(required(progress, tool), subject);
    }

    public String alert(String type, String reference, String title) {
        return MessageFormat.format(required(alerts, type), reference, title);
    }

    /** The one message that stands for the alerts a user was not shown one by one in the last minute. */
    public String alertDigest(int count, String byType) {
        return MessageFormat.format(required(alerts, "digest"), count, byType);
    }

    public Map<String, List<String>> intentExamples() {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (String intent : INTENTS) {
            List<String> lines = new ArrayList<>();
            for (String line : text("intents/" + intent + ".txt").split("\n")) {
                String example = line.strip();
                if (!example.isEmpty() && !example.startsWith("#")) {
                    lines.add(example.toLowerCase(Locale.ROOT));
                }
            }
            examples.put(intent, lines);
        }
        return examples;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("prompts: no text for " + key);
        }
        return value;
    }

    private static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("prompts: cannot read " + path, e);
        }
    }

    private static Properties properties(String path) {
        Properties properties = new Properties();
        try (InputStream in = open(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("prompts: cannot read " + path, e);
        }
        return properties;
    }

    private static InputStream open(String path) {
        InputStream in = Prompts.class.getClassLoader().getResourceAsStream("prompts/" + path);
        if (in == null) {
            throw new IllegalStateException("prompts: missing resource prompts/" + path);
        }
        return in;
    }
}

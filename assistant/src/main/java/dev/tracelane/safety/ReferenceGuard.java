package dev.tracelane.safety;

import dev.tracelane.tools.locate.References;
import dev.tracelane.tracking.shipment.Scope;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output guardrail: every shipment reference in an answer must be one the user may see, or one they wrote
 * themselves this turn; any other is replaced by {@link #HIDDEN} before a word of it is sent. Defence in
 * depth: the tools never return such a reference, so only a model echoing a prompt or inventing one trips it.
 */
@Singleton
public class ReferenceGuard {
    public static final String HIDDEN = "[hidden]";
    /** The reference the assistant's own help texts use as an example; it names no shipment. */
    public static final String EXAMPLE_REFERENCE = "SHP-1042";
    /**
     * A reference's code after its prefix and hyphen: letters and digits of any script, in hyphenated parts
     * (2026-0042), with a digit somewhere.
     */
    public static final String CODE = "(?=[\\p{L}\\p{N}-]*\\d)[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*";
    /** A reference's prefix before its hyphen: two to six letters or digits, a letter among them (SHP, R2, 3PL). */
    public static final String PREFIX = "(?=\\p{N}{0,5}\\p{L})[\\p{L}\\p{N}]{2,6}";
    /** Interstates (I-80) look like references with a one-letter prefix and are not checked. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:" + PREFIX + "|(?!I-)\\p{Lu})-" + CODE + "\\b");
    private final References references;

    public ReferenceGuard(References references) {
        this.references = references;
    }

    /** Checks one turn's text as it streams; remembers what it has checked. */
    public Filter filter(Scope scope, String userText) {
        return new Filter(scope, userText);
    }

    public final class Filter {
        private final Scope scope;
        private final String userText;
        private final Map<String, Boolean> allowed = new HashMap<>();
        private final StringBuilder pending = new StringBuilder();

        private Filter(Scope scope, String userText) {
            this.scope = scope;
            this.userText = userText.toUpperCase(Locale.ROOT);
        }

        /** @return the text that is safe to send now; a word still being streamed waits for its end */
        public String next(String chunk) {
            pending.append(chunk);
            int cut = Math.max(pending.lastIndexOf(" "), pending.lastIndexOf("\n")) + 1;
            String ready = pending.substring(0, cut);
            pending.delete(0, cut);
            return clean(ready);
        }

        /** @return what is left at the end of the stream, checked */
        public String rest() {
            String ready = pending.toString();
            pending.setLength(0);
            return clean(ready);
        }

        /** As written, or with a space or nothing for its first hyphen, as people type them (shp 1002). */
        private boolean wroteItself(String reference) {
            int hyphen = reference.indexOf('-');
            return Pattern.compile("\\b" + Pattern.quote(reference.substring(0, hyphen)) + "[- ]?"
                    + Pattern.quote(reference.substring(hyphen + 1)) + "\\b").matcher(userText).find();
        }

        public String clean(String text) {
            Matcher m = REFERENCE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String ref = m.group();
                boolean ok = allowed.computeIfAbsent(ref.toUpperCase(Locale.ROOT),
                        r -> r.equals(EXAMPLE_REFERENCE) || wroteItself(r)
                                || references.resolve(scope, ref).filter(ref::equalsIgnoreCase).isPresent());
                m.appendReplacement(out, Matcher.quoteReplacement(ok ? ref : HIDDEN));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}

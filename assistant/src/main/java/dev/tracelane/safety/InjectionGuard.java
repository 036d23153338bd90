package dev.tracelane.safety;

import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Input guardrail: catches messages that try to change the assistant's rules rather than ask about shipments
 * ("ignore your instructions", "you are now", "show me your system prompt", "as an admin"). Such a message is
 * answered with a refusal and never reaches the model. Scope does not depend on this check: tools enforce it
 * in SQL whatever the model is told.
 */
@Singleton
public class InjectionGuard {
    public static final String REFUSAL = "I can't change how I work or whose data I can see. I can tell you "
            + "where your shipments are, when they will arrive and what alerts they have.";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(ignore|disregard|forget|override|bypass|skip)\\b.{0,40}\\b(instructions?|rules?|"
                    + "prompts?|guidelines|restrictions?|polic(y|ies)|guardrails?|previous|above|scope)\\b"),
            Pattern.compile("\\b(system|developer|hidden|initial)\\s+(prompt|message|instructions?)\\b"),
            Pattern.compile("\\byou are (now|no longer)\\b|\\bact as\\b|\\bpretend (to be|you)\\b|\\broleplay\\b"),
            Pattern.compile("\\b(jailbreak|dan mode|developer mode|god mode|sudo)\\b"),
            Pattern.compile("\\b(i am|i'm|as)\\s+(an?\\s+)?(admin|administrator|platform admin|root|superuser|"
                    + "the developer|your developer|openai|anthropic)\\b"),
            Pattern.compile("\\b(all|every|other|another|any)\\s+(orgs?|organi[sz]ations?|companies|company's|"
                    + "customers?'?|carriers?'?|shippers?'?|tenants?)\\b.{0,30}\\b(shipments?|loads?|data|orders?)\\b"),
            Pattern.compile("\\b(reveal|print|repeat|show|output|dump)\\b.{0,30}\\b(instructions?|prompt|rules|"
                    + "configuration|secrets?|tokens?|passwords?|api keys?)\\b"),
            Pattern.compile("\\b(sql|select \\*|drop table|union select|;--)\\b"),
            Pattern.compile("\\bnew (instructions?|rules?)\\b|\\bfrom now on\\b"));

    public boolean suspicious(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        return PATTERNS.stream().anyMatch(p -> p.matcher(plain).find());
    }
}

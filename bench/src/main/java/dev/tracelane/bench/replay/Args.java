package dev.tracelane.bench.replay;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Command-line arguments of the replay tools: flags and {@code --name value} pairs, numbers within bounds. */
final class Args {
    private final Map<String, String> values;
    private final Set<String> flags;

    private Args(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    static Args parse(String[] args, Set<String> valued, Set<String> knownFlags) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (knownFlags.contains(args[i])) {
                flags.add(args[i]);
            } else if (valued.contains(args[i]) && i + 1 < args.length) {
                values.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
        }
        return new Args(values, flags);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** @return the value, or null when not given */
    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long number(String name, long fallback, long min, long max) {
        long value;
        try {
            value = values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max);
        }
        return value;
    }
}

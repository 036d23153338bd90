package dev.tracelane.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The HS256 secret: {@code TRACELANE_JWT_SECRET} when set (required for several instances), otherwise one
 * generated at first start and kept in {@code <home>/jwt-secret}, so issued tokens survive restarts.
 */
public final class JwtSecret {
    private static final int MIN_BYTES = 32;

    private JwtSecret() {
    }

    public static String resolve(Path home, Map<String, String> env) {
        String configured = env.get("TRACELANE_JWT_SECRET");
        if (configured != null && !configured.isBlank()) {
            if (configured.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                throw new IllegalStateException("TRACELANE_JWT_SECRET must be at least 32 bytes for HS256");
            }
            return configured;
        }
        Path file = home.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(home);
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file stays with the default permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }
}

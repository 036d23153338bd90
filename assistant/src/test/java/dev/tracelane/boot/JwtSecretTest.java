package dev.tracelane.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSecretTest {

    @Test
    void aGeneratedSecretIsKeptAcrossStarts(@TempDir Path home) {
        String first = JwtSecret.resolve(home, Map.of());
        assertThat(first.length()).isGreaterThanOrEqualTo(32);
        assertThat(JwtSecret.resolve(home, Map.of())).isEqualTo(first);
    }

    @Test
    void theConfiguredSecretWins(@TempDir Path home) {
        String configured = "a-configured-secret-of-at-least-32-bytes";
        assertThat(JwtSecret.resolve(home, Map.of("TRACELANE_JWT_SECRET", configured))).isEqualTo(configured);
    }

    @Test
    void aShortConfiguredSecretIsRefused(@TempDir Path home) {
        assertThatThrownBy(() -> JwtSecret.resolve(home, Map.of("TRACELANE_JWT_SECRET", "short")))
                .hasMessageContaining("32 bytes");
    }
}

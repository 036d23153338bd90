package dev.tracelane.tracking.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/** Creates the platform org and its {@code admin} at first start (CONTRACT.md, "Identity"). */
@Singleton
public class PlatformAdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformAdminBootstrap.class);
    private final Orgs orgs;
    private final Users users;
    private final PasswordHasher hasher;
    private final SecretTokens secrets;
    private final String configuredPassword;

    public PlatformAdminBootstrap(Orgs orgs, Users users, PasswordHasher hasher, SecretTokens secrets,
                                  @Nullable @Value("${tracelane.admin-password:}") String configuredPassword) {
        this.orgs = orgs;
        this.users = users;
        this.hasher = hasher;
        this.secrets = secrets;
        this.configuredPassword = configuredPassword;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        orgs.create(Caller.PLATFORM_ORG, "Tracelane platform");
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? secrets.newToken().substring(0, 20) : configuredPassword;
        User admin = new User("admin", Caller.PLATFORM_ORG, hasher.hash(password), Set.of(Roles.ADMIN), List.of());
        if (users.create(admin) && generated) {
            LOG.warn("Created platform user 'admin' with generated password {} (shown once; "
                    + "set TRACELANE_ADMIN_PASSWORD to choose it)", password);
        }
    }
}

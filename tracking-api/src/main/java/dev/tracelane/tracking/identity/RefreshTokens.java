package dev.tracelane.tracking.identity;

import dev.tracelane.tracking.storage.StorageException;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.errors.IssuingAnAccessTokenErrorCode;
import io.micronaut.security.errors.OauthErrorResponseException;
import io.micronaut.security.token.event.RefreshTokenGeneratedEvent;
import io.micronaut.security.token.refresh.RefreshTokenPersistence;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;

/**
 * Keeps issued refresh tokens (hashed) so {@code POST /oauth/access_token} can mint a new access token with the
 * user's current roles and org, and so a token can be revoked.
 */
@Singleton
public class RefreshTokens implements RefreshTokenPersistence {
    private final DataSource dataSource;
    private final SecretTokens secrets;
    private final Users users;
    private final TokenClaims tokenClaims;
    private final ExecutorService blocking;

    public RefreshTokens(DataSource dataSource, SecretTokens secrets, Users users, TokenClaims tokenClaims,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.dataSource = dataSource;
        this.secrets = secrets;
        this.users = users;
        this.tokenClaims = tokenClaims;
        this.blocking = blocking;
    }

    @Override
    public void persistToken(RefreshTokenGeneratedEvent event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO refresh_tokens (token_hash, username) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setBytes(1, secrets.hash(event.getRefreshToken()));
            ps.setString(2, event.getAuthentication().getName());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not store refresh token", e);
        }
    }

    @Override
    public Publisher<Authentication> getAuthentication(String refreshToken) {
        return Mono.fromCallable(() -> lookup(refreshToken))
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    private Authentication lookup(String refreshToken) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT username FROM refresh_tokens WHERE token_hash = ? AND NOT revoked")) {
            ps.setBytes(1, secrets.hash(refreshToken));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OauthErrorResponseException(IssuingAnAccessTokenErrorCode.INVALID_GRANT,
                            "refresh token revoked or unknown", null);
                }
                User user = users.find(rs.getString(1)).orElseThrow(() -> new OauthErrorResponseException(
                        IssuingAnAccessTokenErrorCode.INVALID_GRANT, "user no longer exists", null));
                return Authentication.build(user.username(), user.roles(), tokenClaims.of(user));
            }
        }
    }
}

package dev.tracelane.tracking.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Checks {@code POST /login} credentials against the users table (runs on the blocking executor). */
@Singleton
public class LoginAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private final Users users;
    private final PasswordHasher hasher;
    private final TokenClaims tokenClaims;

    public LoginAuthenticationProvider(Users users, PasswordHasher hasher, TokenClaims tokenClaims) {
        this.users = users;
        this.hasher = hasher;
        this.tokenClaims = tokenClaims;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        Optional<User> user = users.find(credentials.getIdentity());
        if (user.isEmpty() || !hasher.matches(credentials.getSecret(), user.get().passwordHash())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(user.get().username(), user.get().roles(),
                tokenClaims.of(user.get()));
    }
}

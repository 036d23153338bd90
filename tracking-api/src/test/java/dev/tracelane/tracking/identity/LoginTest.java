package dev.tracelane.tracking.identity;

import com.nimbusds.jwt.JWTParser;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginTest implements TestDatabase {
    @Inject
    @Client("/")
    HttpClient client;

    private BlockingHttpClient http;
    private Api api;

    @BeforeEach
    void setUp() {
        http = client.toBlocking();
        api = new Api(http);
    }

    @Test
    void loginReturnsAnAccessTokenCarryingOrgRolesAndShipments() throws Exception {
        String org = api.org("shipper");
        String token = api.user(org, List.of("customer"), List.of("SHP-1", "SHP-2"));
        Map<String, Object> claims = JWTParser.parse(token).getJWTClaimsSet().getClaims();
        assertThat(claims).containsEntry("org", org).containsEntry("roles", List.of("customer"))
                .containsEntry("shipments", List.of("SHP-1", "SHP-2")).containsKey("sub").containsKey("exp");
    }

    @Test
    void loginAnswersWithTheContractFields() {
        Map<String, Object> body = login("admin", "admin-password-for-tests");
        assertThat(body).containsKeys("access_token", "refresh_token", "token_type", "expires_in");
        assertThat(body.get("token_type")).isEqualTo("Bearer");
    }

    @Test
    void aWrongPasswordIs401() {
        assertThatThrownBy(() -> login("admin", "wrong"))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode()));
    }

    @Test
    void aRefreshTokenBuysANewAccessToken() throws Exception {
        String refresh = (String) login("admin", "admin-password-for-tests").get("refresh_token");
        Map<String, Object> body = http.retrieve(HttpRequest.POST("/oauth/access_token",
                        "grant_type=refresh_token&refresh_token=" + refresh)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), Argument.mapOf(String.class, Object.class));
        String access = (String) body.get("access_token");
        assertThat(JWTParser.parse(access).getJWTClaimsSet().getClaims()).containsEntry("org", "tracelane");
        assertThat(api.list("/api/shipments", access)).isNotNull();
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        assertThatThrownBy(() -> http.exchange(HttpRequest.POST("/oauth/access_token",
                        "grant_type=refresh_token&refresh_token=forged")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isBetween(400, 401));
    }

    @Test
    void anOrgAdminCannotCreateUsersInAnotherOrg() {
        String mine = api.org("shipper");
        String theirs = api.org("shipper");
        String adminToken = api.user(mine, List.of("admin"), List.of());
        assertThatThrownBy(() -> http.exchange(Api.auth(HttpRequest.POST("/api/users", Map.of("username",
                Api.unique("u"), "password", "password-123", "org", theirs, "roles", List.of("admin"))), adminToken)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    @Test
    void onlyAPlatformAdminCreatesOrgs() {
        String adminToken = api.user(api.org("shipper"), List.of("admin"), List.of());
        assertThatThrownBy(() -> http.exchange(Api.auth(HttpRequest.POST("/api/orgs",
                Map.of("id", Api.unique("x"), "name", "X")), adminToken)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    @Test
    void anOrgIdMustBeASlug() {
        assertThatThrownBy(() -> http.exchange(Api.auth(HttpRequest.POST("/api/orgs",
                Map.of("id", "Not A Slug", "name", "X")), api.adminToken())))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode()));
    }

    private Map<String, Object> login(String username, String password) {
        return http.retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", password)),
                Argument.mapOf(String.class, Object.class));
    }
}

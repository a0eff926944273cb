package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests the buckets count, by client address and by account, and what an empty bucket answers. */
class RateLimitsTest {

  private static final AbuseProperties.Limit TWO_A_MINUTE_PER_ADDRESS = new AbuseProperties.Limit(2, 100, Duration.ofMinutes(1));
  private static final AbuseProperties.Limit THREE_AN_HOUR_PER_ACCOUNT = new AbuseProperties.Limit(100, 3, Duration.ofHours(1));

  private final RateLimits limits =
      new RateLimits(
          new AbuseProperties(
              new AbuseProperties.Lockout(10, Duration.ofMinutes(15), Duration.ofDays(1)),
              new AbuseProperties.RateLimitsSettings(
                  TWO_A_MINUTE_PER_ADDRESS, TWO_A_MINUTE_PER_ADDRESS, THREE_AN_HOUR_PER_ACCOUNT, THREE_AN_HOUR_PER_ACCOUNT,
                  THREE_AN_HOUR_PER_ACCOUNT)));

  private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    limits.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletRequest post(String path, String address, String email) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setServletPath(path);
    request.setRemoteAddr(address);
    if (email != null) {
      request.setParameter("email", email);
    }
    return request;
  }

  private static MockHttpServletRequest api(String address, String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    request.setServletPath("/api/cases");
    request.setRemoteAddr(address);
    request.addHeader("Authorization", authorization);
    return request;
  }

  @Test
  void signInIsLimitedPerClientAddressWhateverTheAccount() throws Exception {
    assertThat(send(post("/login", "192.0.2.1", "a@example.org")).getStatus()).isEqualTo(200);
    assertThat(send(post("/login", "192.0.2.1", "b@example.org")).getStatus()).isEqualTo(200);
    MockHttpServletResponse third = send(post("/login", "192.0.2.1", "c@example.org"));
    assertThat(third.getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(third.getHeader("Retry-After"))).isBetween(1L, 60L);
    // Another address has its own bucket.
    assertThat(send(post("/login", "192.0.2.2", "c@example.org")).getStatus()).isEqualTo(200);
    // Pages that only show something are not counted.
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
    page.setServletPath("/login");
    page.setRemoteAddr("192.0.2.1");
    assertThat(send(page).getStatus()).isEqualTo(200);
  }

  @Test
  void signUpIsLimitedPerAddressAskedForFromAnyClient() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(send(post("/signup", "198.51.100." + i, " Victim@Example.org ")).getStatus()).isEqualTo(200);
    }
    assertThat(send(post("/signup", "198.51.100.9", "victim@example.org")).getStatus()).isEqualTo(429);
    assertThat(send(post("/signup/resend", "198.51.100.9", "victim@example.org")).getStatus()).as("its own bucket").isEqualTo(200);
  }

  @Test
  void theApiIsLimitedPerClientAddressAndTheDocsAreNot() throws Exception {
    assertThat(send(api("203.0.113.5", "Bearer mdg_one")).getStatus()).isEqualTo(200);
    assertThat(send(api("203.0.113.5", "Bearer mdg_two")).getStatus()).isEqualTo(200);
    assertThat(send(api("203.0.113.5", "Bearer mdg_three")).getStatus()).isEqualTo(429);
    MockHttpServletRequest docs = new MockHttpServletRequest("GET", "/api/openapi");
    docs.setServletPath("/api/openapi");
    docs.setRemoteAddr("203.0.113.5");
    assertThat(send(docs).getStatus()).isEqualTo(200);
  }
}

package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {

  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void anIssuedSessionIsHttpOnlyStrictAndAcceptedUntilItExpires() {
    SessionCookies sessions = new SessionCookies(bytes("s3cret"), CLOCK);
    String setCookie = sessions.issue();
    assertThat(setCookie)
        .startsWith(SessionCookies.NAME + "=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200")
        .doesNotContain("s3cret");
    String cookie = "theme=dark; " + setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(sessions.valid(cookie)).isTrue();

    Clock later = Clock.offset(CLOCK, SessionCookies.LIFETIME.plus(Duration.ofSeconds(1)));
    assertThat(new SessionCookies(bytes("s3cret"), later).valid(cookie)).isFalse();
    assertThat(new SessionCookies(bytes("rotated"), CLOCK).valid(cookie)).isFalse();
  }

  @Test
  void forgedOrMangledCookiesAreRefused() {
    SessionCookies sessions = new SessionCookies(bytes("s3cret"), CLOCK);
    String value = sessions.issue().split(";")[0].substring(SessionCookies.NAME.length() + 1);
    String expiry = value.substring(0, value.indexOf('.'));
    String signature = value.substring(value.indexOf('.') + 1);
    long longer = Long.parseLong(expiry) + 86_400;
    assertThat(sessions.valid(SessionCookies.NAME + "=" + longer + "." + signature)).isFalse();
    assertThat(sessions.valid(SessionCookies.NAME + "=" + expiry + ".AAAA")).isFalse();
    assertThat(sessions.valid(SessionCookies.NAME + "=garbage")).isFalse();
    assertThat(sessions.valid(SessionCookies.NAME + "=x." + signature)).isFalse();
    assertThat(sessions.valid(null)).isFalse();
    assertThat(sessions.valid("other=" + value)).isFalse();
  }

  @Test
  void aSessionStandsInForTheTokenOnReadsOnly() {
    BearerToken token = new BearerToken("s3cret", true, CLOCK);
    String cookie = token.sessions().issue().split(";")[0];
    assertThat(token.permits(Router.Access.READ, null, cookie)).isTrue();
    assertThat(token.permits(Router.Access.READ, null, null)).isFalse();
    assertThat(token.permits(Router.Access.WRITE, null, cookie)).isFalse();
    assertThat(token.permits(Router.Access.WRITE, "Bearer s3cret", cookie)).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package io.plumbline.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's read session when {@code http.auth.reads=true}: a browser's EventSource cannot
 * send an Authorization header, so {@code POST /api/session} (with the bearer token) answers with
 * an HttpOnly, SameSite=Strict cookie that read routes and the stream accept until it expires.
 *
 * <p>The cookie is {@code <expiry epoch seconds>.<HMAC-SHA256 of the expiry, keyed by the token>}:
 * nothing is stored, every instance that shares the token accepts it, and changing the token ends
 * every session. It never grants writes (acknowledgements still need the bearer token), so a forged
 * cross-site request cannot act with it even where SameSite is not enforced.
 */
final class SessionCookies {

  static final String NAME = "plumbline_session";
  static final Duration LIFETIME = Duration.ofHours(12);
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private final Clock clock;

  SessionCookies(byte[] key, Clock clock) {
    this.key = key.clone();
    this.clock = clock;
  }

  /** A fresh session: the {@code Set-Cookie} header value, valid for {@link #LIFETIME}. */
  String issue() {
    long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
    return NAME
        + "="
        + expiry
        + "."
        + signature(expiry)
        + "; Path=/; Max-Age="
        + LIFETIME.toSeconds()
        + "; HttpOnly; SameSite=Strict";
  }

  /** When a session issued now ends. */
  Instant expiryOfNewSession() {
    return Instant.ofEpochSecond(clock.instant().plus(LIFETIME).getEpochSecond());
  }

  /** The {@code Set-Cookie} header value that makes the browser forget the session. */
  static String cleared() {
    return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
  }

  /** Whether the request's {@code Cookie} header carries an unexpired session of this token. */
  boolean valid(String cookieHeader) {
    String value = value(cookieHeader);
    if (value == null) {
      return false;
    }
    int dot = value.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long expiry;
    try {
      expiry = Long.parseLong(value.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    if (expiry <= clock.instant().getEpochSecond()) {
      return false;
    }
    return MessageDigest.isEqual(
        signature(expiry).getBytes(StandardCharsets.US_ASCII),
        value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private static String value(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    for (String part : cookieHeader.split(";")) {
      String cookie = part.trim();
      if (cookie.startsWith(NAME + "=")) {
        return cookie.substring(NAME.length() + 1);
      }
    }
    return null;
  }

  private String signature(long expiry) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      byte[] digest =
          mac.doFinal(("plumbline-session|" + expiry).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}

package io.plumbline.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Checks the {@code Authorization: Bearer} header against the configured token in constant time;
 * read routes also accept a dashboard session cookie ({@link SessionCookies}). With no token
 * configured every request passes.
 */
final class BearerToken {

  private final byte[] expected;
  private final boolean reads;
  private final SessionCookies sessions;

  BearerToken(String token, boolean reads) {
    this(token, reads, Clock.systemUTC());
  }

  BearerToken(String token, boolean reads, Clock clock) {
    this.expected =
        token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.reads = reads;
    this.sessions = expected == null ? null : new SessionCookies(expected, clock);
  }

  /** Whether a request to a route of this access level may proceed (no cookie). */
  boolean permits(Router.Access access, String authorizationHeader) {
    return permits(access, authorizationHeader, null);
  }

  /**
   * Whether a request to a route of this access level may proceed; a valid session cookie stands in
   * for the token on read routes only.
   */
  boolean permits(Router.Access access, String authorizationHeader, String cookieHeader) {
    if (expected == null || access == Router.Access.OPEN) {
      return true;
    }
    if (access == Router.Access.READ && (!reads || sessions.valid(cookieHeader))) {
      return true;
    }
    return hasToken(authorizationHeader);
  }

  /** Whether the header carries the configured token (false when none is configured). */
  boolean hasToken(String authorizationHeader) {
    if (expected == null) {
      return false;
    }
    if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
      return false;
    }
    byte[] given =
        authorizationHeader.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  /** Whether any token is configured. */
  boolean configured() {
    return expected != null;
  }

  /** Whether reads need the token (or a session). */
  boolean readsNeedIt() {
    return expected != null && reads;
  }

  /** Sessions keyed by this token; null when no token is configured. */
  SessionCookies sessions() {
    return sessions;
  }

  /** The header value to send to other instances, or null when no token is configured. */
  String header() {
    return expected == null ? null : "Bearer " + new String(expected, StandardCharsets.UTF_8);
  }
}

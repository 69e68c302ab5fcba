package io.plumbline.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the {@code Authorization: Bearer} header against the configured token in constant time.
 * With no token configured every request passes.
 */
final class BearerToken {

  private final byte[] expected;
  private final boolean reads;

  BearerToken(String token, boolean reads) {
    this.expected =
        token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.reads = reads;
  }

  /** Whether a request to a route of this access level may proceed. */
  boolean permits(Router.Access access, String authorizationHeader) {
    if (expected == null || access == Router.Access.OPEN) {
      return true;
    }
    if (access == Router.Access.READ && !reads) {
      return true;
    }
    if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
      return false;
    }
    byte[] given =
        authorizationHeader.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  /** The header value to send to other instances, or null when no token is configured. */
  String header() {
    return expected == null ? null : "Bearer " + new String(expected, StandardCharsets.UTF_8);
  }
}

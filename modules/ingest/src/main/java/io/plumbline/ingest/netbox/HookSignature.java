package io.plumbline.ingest.netbox;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NetBox's webhook signature: {@code X-Hook-Signature} is the hex HMAC-SHA512 of the raw request
 * body keyed with the webhook's secret. Compared in constant time.
 */
public final class HookSignature {

  /** The header NetBox sends the signature in. */
  public static final String HEADER = "X-Hook-Signature";

  private final SecretKeySpec key;

  public HookSignature(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("the webhook secret is empty");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA512");
  }

  /** The hex signature of {@code body}. */
  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA512 unavailable", e);
    }
  }

  /** Whether {@code signature} (hex, any case; null when absent) signs {@code body}. */
  public boolean verifies(byte[] body, String signature) {
    if (signature == null) {
      return false;
    }
    byte[] expected = sign(body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] given =
        signature
            .strip()
            .toLowerCase(Locale.ROOT)
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}

package io.plumbline.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Secret settings: which names hold secrets (masked wherever settings are shown) and the {@code
 * <secret>.file=PATH} variant that reads the value from a file, so that secrets stay out of
 * configuration files, process listings and logs (Kubernetes and Docker mount secrets as files).
 */
final class SecretFiles {

  /** What a masked value shows. */
  static final String MASK = "[hidden]";

  private static final List<String> SECRET_ENDINGS =
      List.of("sasl.jaas.config", "basic.auth.user.info", "ssl.keystore.key");

  private static final List<String> SECRET_WORDS = List.of("password", "secret", "token");

  private SecretFiles() {}

  /** Whether the setting's value is a secret: never logged, masked in dumps. */
  static boolean isSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(PlumblineConfig.FILE_SUFFIX)) {
      return false; // a path to a secret is not itself secret
    }
    return SECRET_ENDINGS.stream().anyMatch(n::endsWith)
        || SECRET_WORDS.stream().anyMatch(n::contains);
  }

  /**
   * Replaces every {@code <secret>.file=PATH} by {@code <secret>=<contents of PATH>} (one trailing
   * newline removed). Other settings ending in {@code .file} (Kafka has a few) are left alone.
   *
   * @throws ConfigException naming the setting when the file cannot be read, or when both the
   *     secret and its file variant are set
   */
  static Map<String, String> resolve(Map<String, String> settings) {
    Map<String, String> out = new LinkedHashMap<>(settings);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String key = e.getKey().trim();
      if (!key.endsWith(PlumblineConfig.FILE_SUFFIX)) {
        continue;
      }
      String secret = key.substring(0, key.length() - PlumblineConfig.FILE_SUFFIX.length());
      if (!isSecret(secret)) {
        continue;
      }
      if (settings.containsKey(secret)) {
        throw new ConfigException(
            key, e.getValue(), "set either " + secret + " or " + key + ", not both");
      }
      out.remove(e.getKey());
      out.put(secret, read(key, e.getValue()));
    }
    return out;
  }

  private static String read(String key, String path) {
    if (path == null || path.isBlank()) {
      throw new ConfigException(key, path, "needs the path of a file holding the secret");
    }
    try {
      String content = Files.readString(Path.of(path.trim()), StandardCharsets.UTF_8);
      if (content.isBlank()) {
        throw new ConfigException(key, path, "the secret file is empty");
      }
      return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (IOException e) {
      throw new ConfigException(key, path, "the secret file cannot be read (" + e + ")");
    }
  }
}

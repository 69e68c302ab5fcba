package io.plumbline.ingest.netbox;

import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestSource;
import io.plumbline.ingest.SourceArguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code plumbline ingest netbox}: syncs NetBox into the intent topics once (full, or incremental
 * from the saved state), then every {@code --interval}, and/or serves NetBox webhooks on {@code
 * --webhook-port}.
 */
public final class NetboxSource implements IngestSource {

  /** One-line usage for the help text. */
  public static final String USAGE =
      "--url URL [--token TOKEN | --token-file F] [--full] [--interval 5m] [--state-dir DIR]"
          + " [--page-size N] [--timeout 30s] [--webhook-port PORT [--webhook-host H]"
          + " [--webhook-secret-file F]]";

  private final SourceArguments args;

  private NetboxSource(SourceArguments args) {
    this.args = args;
  }

  /** Builds the source from its options; a bad option is an IllegalArgumentException. */
  public static NetboxSource fromArguments(List<String> argv) {
    SourceArguments args =
        SourceArguments.parse(
            "netbox",
            argv,
            Set.of(
                "--url",
                "--token",
                "--token-file",
                "--interval",
                "--state-dir",
                "--page-size",
                "--timeout",
                "--webhook-port",
                "--webhook-host",
                "--webhook-secret-file"),
            Set.of("--full"));
    if (args.value("--url") == null && args.value("--webhook-port") == null) {
      throw new IllegalArgumentException("netbox: give --url, --webhook-port, or both");
    }
    args.integer("--page-size", 1, 1000);
    args.integer("--webhook-port", 0, 65535);
    args.duration("--interval");
    args.duration("--timeout");
    return new NetboxSource(args);
  }

  @Override
  public int run(IngestContext context) throws Exception {
    String url = args.value("--url");
    NetboxClient client = null;
    if (url != null) {
      Integer pageSize = args.integer("--page-size", 1, 1000);
      Duration timeout = args.duration("--timeout");
      client =
          new NetboxClient(
              url,
              token(),
              pageSize == null ? 1000 : pageSize,
              timeout == null ? Duration.ofSeconds(30) : timeout);
    }
    String stateDir = args.value("--state-dir");
    String stateKey = client == null ? "webhook" : client.baseUrl();
    SyncState state =
        stateDir == null
            ? SyncState.inMemory(stateKey)
            : SyncState.load(Path.of(stateDir), stateKey);
    NetboxSync sync = new NetboxSync(client, state, context);
    Integer port = args.integer("--webhook-port", 0, 65535);
    NetboxWebhook webhook = null;
    try {
      if (port != null) {
        String host = args.value("--webhook-host");
        String secretFile = args.value("--webhook-secret-file");
        HookSignature signature =
            secretFile == null ? null : new HookSignature(secret(Path.of(secretFile)));
        webhook =
            new NetboxWebhook(
                new InetSocketAddress(host == null ? "0.0.0.0" : host, port),
                signature,
                sync,
                context);
        context
            .progress()
            .printf(
                "netbox: webhook listening on port %d%s%n",
                webhook.port(), signature == null ? " (unsigned requests accepted)" : "");
      }
      Duration interval = args.duration("--interval");
      if (client != null) {
        sync.sync(args.flag("--full"));
        state.save();
        while (interval != null && !context.once()) {
          Thread.sleep(interval.toMillis());
          sync.sync(false);
          state.save();
        }
      }
      if (webhook != null) {
        // Serve until interrupted (Ctrl-C), --print included: a dry run of live events.
        new CountDownLatch(1).await();
      }
    } finally {
      if (webhook != null) {
        webhook.close();
      }
      state.save();
    }
    return sync.problems() > 0 ? 1 : 0;
  }

  private String token() {
    String token = args.value("--token");
    String file = args.value("--token-file");
    if (token == null && file != null) {
      try {
        token = Files.readString(Path.of(file)).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("netbox: cannot read --token-file " + file, e);
      }
    }
    return token == null || token.isBlank() ? null : token;
  }

  private static byte[] secret(Path file) throws IOException {
    // Secrets files usually end with a newline that is not part of the secret.
    return Files.readString(file).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}

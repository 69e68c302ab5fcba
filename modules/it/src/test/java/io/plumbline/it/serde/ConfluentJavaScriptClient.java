package io.plumbline.it.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Confluent's official JavaScript client ({@code @confluentinc/schemaregistry}, pinned in {@code
 * src/test/node/package-lock.json}) run through {@code crosscheck.mjs}: a batch of reads and writes
 * per Node process, against one registry.
 */
final class ConfluentJavaScriptClient {

  static final String NODE_DIR_PROPERTY = "plumbline.node.dir";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path nodeDir;
  private final String registryUrl;
  private final List<ObjectNode> reads = new ArrayList<>();
  private final List<ObjectNode> writes = new ArrayList<>();

  ConfluentJavaScriptClient(String registryUrl) {
    this.nodeDir = nodeDir();
    this.registryUrl = registryUrl;
  }

  /** The node project, with its dependencies installed (the pom runs npm ci before the ITs). */
  static Path nodeDir() {
    String configured = System.getProperty(NODE_DIR_PROPERTY, "src/test/node");
    Path dir = Path.of(configured).toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules/@confluentinc/schemaregistry"))) {
      throw new IllegalStateException(
          "Confluent's JavaScript client is not installed in "
              + dir
              + "; run npm ci there (the it module's pre-integration-test phase does)");
    }
    return dir;
  }

  /** Queues a read of Confluent-framed bytes with AvroDeserializer. */
  ConfluentJavaScriptClient read(String topic, byte[] bytes) {
    reads.add(
        JSON.createObjectNode().put("topic", topic).put("hex", HexFormat.of().formatHex(bytes)));
    return this;
  }

  /** Queues registering {@code schema} under {@code subject}, then writing {@code record}. */
  ConfluentJavaScriptClient write(String topic, String subject, String schema, JsonNode record) {
    ObjectNode write = JSON.createObjectNode().put("topic", topic).put("subject", subject);
    write.put("schema", schema).set("record", record);
    writes.add(write);
    return this;
  }

  /** Runs the queued reads and writes in one Node process. */
  Result run() {
    ObjectNode request = JSON.createObjectNode().put("registryUrl", registryUrl);
    request.set("read", JSON.createArrayNode().addAll(reads));
    request.set("write", JSON.createArrayNode().addAll(writes));
    JsonNode answer;
    try {
      answer = JSON.readTree(execute(JSON.writeValueAsBytes(request)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run crosscheck.mjs or read its answer", e);
    }
    List<JsonNode> values = new ArrayList<>();
    answer.path("read").forEach(read -> values.add(read.path("value")));
    List<Written> written = new ArrayList<>();
    for (JsonNode write : (ArrayNode) answer.path("write")) {
      written.add(
          new Written(
              write.path("id").asInt(), HexFormat.of().parseHex(write.path("hex").asText())));
    }
    return new Result(List.copyOf(values), List.copyOf(written));
  }

  private byte[] execute(byte[] request) throws IOException {
    Process node = new ProcessBuilder("node", "crosscheck.mjs").directory(nodeDir.toFile()).start();
    CompletableFuture<byte[]> stdout =
        CompletableFuture.supplyAsync(() -> readAll(node.getInputStream()));
    CompletableFuture<byte[]> stderr =
        CompletableFuture.supplyAsync(() -> readAll(node.getErrorStream()));
    try (OutputStream in = node.getOutputStream()) {
      in.write(request);
    }
    try {
      if (!node.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new IllegalStateException("crosscheck.mjs did not finish within " + DEADLINE);
      }
      byte[] out = stdout.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      String err =
          new String(stderr.get(DEADLINE.toSeconds(), TimeUnit.SECONDS), StandardCharsets.UTF_8);
      if (node.exitValue() != 0) {
        throw new IllegalStateException(
            "crosscheck.mjs exited with " + node.exitValue() + ":\n" + err);
      }
      return out;
    } catch (InterruptedException e) {
      node.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running crosscheck.mjs", e);
    } catch (ExecutionException | TimeoutException e) {
      node.destroyForcibly();
      throw new IllegalStateException("could not read the output of crosscheck.mjs", e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the JavaScript client read (plain JSON values) and wrote (id and framed bytes). */
  record Result(List<JsonNode> values, List<Written> written) {}

  /** One record the JavaScript client wrote: the schema id it registered, and the bytes. */
  record Written(int schemaId, byte[] bytes) {}
}

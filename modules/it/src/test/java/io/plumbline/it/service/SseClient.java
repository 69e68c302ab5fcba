package io.plumbline.it.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream line by line; waits for a line with a deadline. */
final class SseClient implements AutoCloseable {

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;

  SseClient(URI uri, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    response =
        HttpClient.newHttpClient()
            .sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(r -> r.body().forEach(lines::add));
  }

  /** The first line (from now on) matching the condition; fails at the deadline. */
  String awaitLine(Predicate<String> condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        throw new AssertionError(
            "no SSE line with " + what + " within " + timeout + "; saw " + seen);
      }
      seen.add(line);
      if (condition.test(line)) {
        return line;
      }
    }
  }

  int status() throws Exception {
    return response.get(30, TimeUnit.SECONDS).statusCode();
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}

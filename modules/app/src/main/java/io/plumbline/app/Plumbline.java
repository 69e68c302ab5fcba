package io.plumbline.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;

/**
 * The command line. {@code run --config FILE [--set key=value ...]} runs the reconciler against an
 * existing Kafka cluster and registry; {@code demo [--exit]} runs everything on this machine.
 */
public final class Plumbline {

  private static final String USAGE =
      String.join(
          "\n",
          "usage: plumbline <command> [options]",
          "  run --config FILE [--set key=value ...]   reconcile against a running cluster",
          "  demo [--exit]                             self-contained demo on loopback",
          "                                            (--exit: stop when the scenario is done)",
          "  help                                      this text");

  private Plumbline() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    List<String> rest = List.of(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "run":
          return runReconciler(rest);
        case "demo":
          return demo(rest, out);
        default:
          err.println("unknown command: " + args[0]);
          err.println(USAGE);
          return 2;
      }
    } catch (ConfigException e) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  private static int runReconciler(List<String> args) throws InterruptedException {
    Path file = null;
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--config") && i + 1 < args.size()) {
        file = Path.of(args.get(++i));
        if (!Files.isReadable(file)) {
          throw new ConfigException("--config", file.toString(), "file not found or unreadable");
        }
      } else if (arg.equals("--set") && i + 1 < args.size()) {
        String[] kv = args.get(++i).split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("--set needs key=value, got " + args.get(i));
        }
        flags.put(kv[0], kv[1]);
      } else {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
    }
    PlumblineConfig config = PlumblineConfig.load(file, System.getenv(), flags);
    Reconciler reconciler = new Reconciler(config);
    CountDownLatch shutdown = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  reconciler.close();
                  shutdown.countDown();
                },
                "plumbline-shutdown"));
    reconciler.start();
    reconciler.awaitStopped(java.time.Duration.ofDays(365_000));
    return reconciler.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR ? 1 : 0;
  }

  private static int demo(List<String> args, PrintStream out) throws InterruptedException {
    List<String> unknown = new ArrayList<>(args);
    boolean exitWhenDone = unknown.remove("--exit");
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unexpected argument: " + unknown.get(0));
    }
    Demo demo = new Demo(out);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println("Stopping the demo...");
              demo.close();
              stopped.countDown();
            },
            "plumbline-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    demo.run();
    if (exitWhenDone) {
      Runtime.getRuntime().removeShutdownHook(hook);
      demo.close();
      return 0;
    }
    out.println("Still reconciling; press Ctrl-C to stop everything.");
    stopped.await();
    return 0;
  }
}

package io.plumbline.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code plumbline run}: the reconciler and its HTTP API against an existing cluster and registry,
 * until stopped.
 */
final class RunCommand implements Command {

  @Override
  public String usage() {
    return "run --config FILE [--set key=value ...]   reconcile against a running cluster";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
    ConfigArguments arguments = ConfigArguments.parse(args);
    if (!arguments.rest().isEmpty()) {
      throw new IllegalArgumentException("unexpected argument: " + arguments.rest().get(0));
    }
    PlumblineConfig config = arguments.load();
    var problem = StartupChecks.problem(config);
    if (problem.isPresent()) {
      err.println("plumbline cannot start: " + problem.get());
      return 1;
    }
    StartupChecks.warnings(config)
        .forEach(warning -> err.println("plumbline: warning: " + warning));
    ReconcilerService service = ReconcilerService.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "plumbline-shutdown"));
    out.println("Plumbline is reconciling; HTTP API on " + service.uri());
    Reconciler reconciler = service.reconciler();
    reconciler.awaitStopped(Duration.ofDays(365_000));
    return reconciler.state() == KafkaStreams.State.ERROR ? 1 : 0;
  }
}

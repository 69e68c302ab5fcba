package io.plumbline.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code plumbline demo}: broker, registry, reconciler and a simulated site, all on loopback. */
final class DemoCommand implements Command {

  @Override
  public String usage() {
    return String.join(
        "\n",
        "demo [--exit] [--set key=value ...]       self-contained demo on loopback, HTTP API on",
        "                                            127.0.0.1:8080 (--set http.port=N to move it;",
        "                                            --exit: stop when the scenario is done)");
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    ConfigArguments arguments = ConfigArguments.parse(args);
    List<String> unknown = new ArrayList<>(arguments.rest());
    boolean exitWhenDone = unknown.remove("--exit");
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unexpected argument: " + unknown.get(0));
    }
    Demo demo = new Demo(out, arguments.flags());
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

package io.plumbline.app;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * The command line: {@code plumbline <command> [options]}. Each command is one {@link Command}
 * class, registered here by name.
 */
public final class Plumbline {

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("run", new RunCommand());
    COMMANDS.put("demo", new DemoCommand());
    COMMANDS.put("ingest", new IngestCommand());
    COMMANDS.put("topics", new TopicsCommand());
    COMMANDS.put("simulate", new SimulateCommand());
  }

  private Plumbline() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static String usage() {
    return "usage: plumbline <command> [options]\n"
        + COMMANDS.values().stream().map(c -> "  " + c.usage()).collect(Collectors.joining("\n"))
        + "\n  help                                      this text";
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      out.println(usage());
      return args.length == 0 ? 2 : 0;
    }
    Command command = COMMANDS.get(args[0]);
    if (command == null) {
      err.println("unknown command: " + args[0]);
      err.println(usage());
      return 2;
    }
    try {
      return command.run(List.of(args).subList(1, args.length), out, err);
    } catch (ConfigException e) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(usage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } catch (Exception e) {
      err.println(args[0] + " failed: " + e);
      return 1;
    }
  }
}

package io.plumbline.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code --config FILE} and {@code --set key=value} arguments shared by commands that talk to a
 * cluster. Whatever else is on the command line is left in {@link #rest()} for the command.
 */
record ConfigArguments(Path file, Map<String, String> flags, List<String> rest) {

  static ConfigArguments parse(List<String> args) {
    Path file = null;
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
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
        rest.add(arg);
      }
    }
    return new ConfigArguments(file, flags, List.copyOf(rest));
  }

  /** Loads the configuration: file, then PLUMBLINE_* environment variables, then flags. */
  PlumblineConfig load() {
    return PlumblineConfig.load(file, System.getenv(), flags);
  }
}

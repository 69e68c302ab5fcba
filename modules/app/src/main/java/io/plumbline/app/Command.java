package io.plumbline.app;

import java.io.PrintStream;
import java.util.List;

/** One {@code plumbline <command>}: its usage line and what it does with the arguments after it. */
interface Command {

  /** Usage lines for the help text, e.g. {@code run --config FILE reconcile ...}. */
  String usage();

  /**
   * Runs the command.
   *
   * @return the process exit status
   * @throws IllegalArgumentException for arguments it does not understand (usage is printed)
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}

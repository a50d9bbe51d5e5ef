package io.stagewatch.launcher;

import java.lang.management.ManagementFactory;

/**
 * Stands in for stagewatch in a jar the launcher test builds: prints the JVM options the launcher
 * chose and the arguments it passed on, one per line, then exits with the first argument's number
 * when it is one.
 */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) {
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      System.out.println("jvm " + option);
    }
    for (String arg : args) {
      System.out.println("arg " + arg);
    }
    System.out.println("java.home " + System.getProperty("java.home"));
    if (args.length > 1 && args[1].matches("\\d+")) {
      System.exit(Integer.parseInt(args[1]));
    }
  }
}

package io.stagewatch.run;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Opens JUnit Platform launcher sessions without the platform's Java Flight Recorder listeners.
 *
 * <p>JUnit 6 adds those listeners to every launcher whenever {@code jdk.jfr} is loadable, with no
 * setting to turn them off. Their first event registers the JUnit event types with the flight
 * recorder, which costs every run class initialisation on the main thread (CONTRIBUTING, Speed),
 * and each test then creates events nobody records. The platform probes for {@code jdk.jfr} through
 * the thread's context class loader while it builds the launcher, so the launcher is built with a
 * context class loader that does not show it.
 */
final class LauncherWithoutFlightRecorder {
  private LauncherWithoutFlightRecorder() {}

  static LauncherSession openSession(LauncherConfig config) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader parent = previous != null ? previous : ClassLoader.getSystemClassLoader();
    thread.setContextClassLoader(new FlightRecorderHidingClassLoader(parent));
    try {
      return LauncherFactory.openSession(config);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}

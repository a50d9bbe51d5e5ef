package io.stagewatch.run;

/**
 * A class loader that delegates everything to its parent except the Java Flight Recorder API, which
 * it reports as missing. See {@link LauncherWithoutFlightRecorder} for why.
 */
final class FlightRecorderHidingClassLoader extends ClassLoader {
  private static final String FLIGHT_RECORDER_PACKAGE = "jdk.jfr.";

  FlightRecorderHidingClassLoader(ClassLoader parent) {
    super(parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(FLIGHT_RECORDER_PACKAGE)) {
      throw new ClassNotFoundException(name);
    }
    return super.loadClass(name, resolve);
  }
}

package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;

class LauncherWithoutFlightRecorderTest {

  @Test
  void hidesTheFlightRecorderApiAndNothingElse() throws ClassNotFoundException {
    ClassLoader loader = new FlightRecorderHidingClassLoader(getClass().getClassLoader());

    assertThatThrownBy(() -> Class.forName("jdk.jfr.FlightRecorder", false, loader))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(Class.forName("java.util.List", false, loader)).isEqualTo(java.util.List.class);
    assertThat(Class.forName(Runner.class.getName(), false, loader)).isEqualTo(Runner.class);
  }

  @Test
  void restoresTheContextClassLoader() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    try (LauncherSession session =
        LauncherWithoutFlightRecorder.openSession(
            LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build())) {
      assertThat(session.getLauncher()).isNotNull();
    }
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }
}

package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a maintenance window is open: its days, start and duration, in its time zone. */
class MaintenanceWindowTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Fridays from 22:00 Berlin time, for three hours: into Saturday. */
  static final MaintenanceWindow FRIDAY_NIGHT =
      new MaintenanceWindow(
          "staging",
          null,
          EnumSet.of(DayOfWeek.FRIDAY),
          LocalTime.of(22, 0),
          Duration.ofHours(3),
          BERLIN);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2026-11-27T20:59:59Z, false, Friday 21:59:59 in Berlin",
    "2026-11-27T21:00:00Z, true, Friday 22:00 in Berlin",
    "2026-11-27T23:30:00Z, true, past midnight: Saturday 00:30 in Berlin",
    "2026-11-28T00:00:00Z, false, Saturday 01:00 in Berlin: closed",
    "2026-11-20T22:00:00Z, true, the Friday before",
    "2026-11-26T21:30:00Z, false, Thursday",
    "2026-07-24T20:30:00Z, true, in summer time 22:00 Berlin is 20:00 UTC",
    "2026-07-24T23:00:00Z, false, in summer time it closes at 23:00 UTC",
  })
  void aWindowIsOpenFromItsStartForItsDurationInItsZone(Instant now, boolean open, String when) {
    assertThat(FRIDAY_NIGHT.covers(now)).as(when).isEqualTo(open);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"staging, true", "qa, false"})
  void aWindowWithAnEnvironmentAppliesToThatOneAlone(String environment, boolean applies) {
    assertThat(FRIDAY_NIGHT.appliesTo(environment)).isEqualTo(applies);
    assertThat(FRIDAY_NIGHT.describe())
        .isEqualTo("maintenance window fri 22:00 for 3h (Europe/Berlin)");
  }
}

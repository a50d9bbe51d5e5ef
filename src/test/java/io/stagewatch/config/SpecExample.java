package io.stagewatch.config;

import java.util.Map;

/** The example config of the product contract, with variables for it. */
final class SpecExample {
  static final Map<String, String> VARIABLES =
      Map.of(
          "STAGING_URL", "https://staging.example.com",
          "STAGING_TOKEN", "tok-123456",
          "STAGING_DB_HOST", "db.internal",
          "STAGING_DB_USER", "smoke",
          "STAGING_DB_PASSWORD", "db-pass-99",
          "SLACK_WEBHOOK_URL", "https://hooks.slack.test/services/T0/B0/secretpath");

  static final String YAML =
      """
      project: shop
      defaultEnvironment: staging
      environments:
        staging:
          baseUrl: ${STAGING_URL:-http://localhost:8080}
          headers:
            Authorization: Bearer ${STAGING_TOKEN}
          databases:
            main:
              url: jdbc:postgresql://${STAGING_DB_HOST:-localhost}:5432/app
              user: ${STAGING_DB_USER}
              password: ${STAGING_DB_PASSWORD}
      defaults:
        timeout: 10s
        retry:
          attempts: 3          # tries per check, the first included
          delay: 1s
          backoff: 2.0
        rerunFailures: 0       # whole-test reruns of failed tests (flaky detection)
      suites: suites           # directory of YAML suites (relative to the config file)
      store:
        url: jdbc:sqlite:.stagewatch/stagewatch.db   # or jdbc:postgresql://...
        retentionDays: 14
      notify:
        slack:
          webhookUrl: ${SLACK_WEBHOOK_URL}           # or: token + channel
          # token: ${SLACK_BOT_TOKEN}
          # channel: "#staging-alerts"
          failureThreshold: 1      # consecutive failing runs before an alert
          sendOnRecovery: true
          reminderInterval: 24h
          reportUrl: https://ci.example.com/stagewatch/latest
      schedules:
        - suites: ["*"]
          cron: "0 */4 * * *"
        # - suites: [staging-health]
        #   every: 15m
      readiness:
        threshold: 90
        window: 10
      """;

  private SpecExample() {}
}

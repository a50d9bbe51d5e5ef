package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.demo.DemoService;
import io.stagewatch.run.RunOptions;
import io.stagewatch.suite.SuiteSource;
import io.stagewatch.suite.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo}: the shipped suites against a stand-in staging service, no config needed. */
final class DemoCommand implements Callable<Integer> {
  /** The suite files shipped inside the jar that the demo runs. */
  static final List<String> SHIPPED_SUITES = List.of("health.yaml");

  static final String SHIPPED_FOLDER = "io/stagewatch/shipped/suites";

  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "demo");
  private final ReportOptions reports = new ReportOptions(spec);

  DemoCommand(StagewatchCommand root) {
    this.root = root;
    spec.usageMessage()
        .header("Run the shipped suites against a built-in stand-in service.")
        .description(
            "Starts a stand-in staging service on a free loopback port (healthy",
            "endpoints, a slow one, one that fails once and then recovers, an OpenAPI",
            "document) and runs the shipped suites against it. Needs no config and no",
            "network.",
            "");
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    try (DemoService service = DemoService.start(0)) {
      root.out.println("Demo staging service listening on " + service.baseUrl());
      EnvironmentConfig environment =
          new EnvironmentConfig("demo", service.baseUrl(), Map.of(), Map.of());
      StagewatchConfig config = StagewatchConfig.of(environment, Path.of(SHIPPED_FOLDER));
      Workspace workspace =
          Workspace.fromSources(
              config,
              SuiteSource.fromClasspath(SHIPPED_FOLDER, SHIPPED_SUITES),
              root.environment,
              false);
      // The demo keeps no history: it should leave nothing behind but its reports.
      int exit =
          RunExit.execute(root, workspace, RunOptions.defaults(), reports.reportDir(), null, false);
      root.out.println(
          "This was the demo. Next: point STAGING_URL at your staging and run"
              + " `stagewatch run -t smoke`.");
      return exit;
    }
  }
}

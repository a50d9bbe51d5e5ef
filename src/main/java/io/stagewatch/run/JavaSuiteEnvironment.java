package io.stagewatch.run;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckResources;
import io.stagewatch.check.kinds.CheckKinds;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.suite.jupiter.StagingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a run's Java suites get injected: the selected environment, and the data sources the check
 * kinds share with them (the sql checks' pools), so that a Java suite and a YAML check of the same
 * run use the same connections.
 */
final class JavaSuiteEnvironment {
  private JavaSuiteEnvironment() {}

  static StagingEnvironment of(StagewatchConfig config, CheckResources resources) {
    Map<String, DataSource> dataSources = new LinkedHashMap<>();
    for (CheckKind kind : CheckKinds.all()) {
      dataSources.putAll(
          kind.dataSources(resources, config.environment(), config.defaults().timeout()));
    }
    return new StagingEnvironment(
        config.environment().name(),
        config.environment().baseUrl(),
        config.environment().headers(),
        config.defaults().timeout(),
        dataSources);
  }
}

package io.stagewatch.suite.jupiter;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the selected environment into Java suites; see {@link StagewatchSuite}. */
public final class EnvironmentExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RequestSpecification.class
        || type == StagingEnvironment.class
        || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String runId =
        context
            .getConfigurationParameter(ActiveEnvironments.RUN_ID_PARAMETER)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "no stagewatch run: Java suites get their environment from `stagewatch run`"));
    StagingEnvironment environment = ActiveEnvironments.get(runId);
    if (environment == null) {
      throw new ParameterResolutionException("the stagewatch run " + runId + " has ended");
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == DataSource.class) {
      return dataSource(environment, parameter.findAnnotation(Database.class).orElse(null));
    }
    return type == StagingEnvironment.class ? environment : environment.requestSpec();
  }

  private static DataSource dataSource(StagingEnvironment environment, @Nullable Database named) {
    Map<String, DataSource> databases = environment.databases();
    if (named != null) {
      DataSource db = databases.get(named.value());
      if (db == null) {
        throw new ParameterResolutionException(
            "no database '"
                + named.value()
                + "' in environment "
                + environment.name()
                + known(databases));
      }
      return db;
    }
    if (databases.size() != 1) {
      throw new ParameterResolutionException(
          "name the database with @Database(\"...\")" + known(databases));
    }
    return databases.values().iterator().next();
  }

  private static String known(Map<String, DataSource> databases) {
    return databases.isEmpty()
        ? " (the environment has no databases)"
        : " (known: " + String.join(", ", databases.keySet().stream().sorted().toList()) + ")";
  }
}

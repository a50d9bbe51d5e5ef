package io.stagewatch.suite.jupiter;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the selected environment into Java suites; see {@link StagewatchSuite}. */
public final class EnvironmentExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RequestSpecification.class || type == StagingEnvironment.class;
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
    return parameter.getParameter().getType() == StagingEnvironment.class
        ? environment
        : environment.requestSpec();
  }
}

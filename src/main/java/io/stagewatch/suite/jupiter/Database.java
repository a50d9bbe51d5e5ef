package io.stagewatch.suite.jupiter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the database of the environment that a {@code javax.sql.DataSource} parameter gets, as in
 * {@code void ordersAreRecent(@Database("main") DataSource db)}. It may be left out when the
 * environment has exactly one database.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Database {
  /** The database's name under {@code environments.<env>.databases}. */
  String value();
}

/**
 * The one store implementation, over JDBC: SQLite by default, PostgreSQL for teams. Only the DDL
 * (one folder of numbered scripts per database), the run lock and the connection settings differ;
 * {@link io.stagewatch.store.jdbc.Dialect} holds those.
 */
@NullMarked
package io.stagewatch.store.jdbc;

import org.jspecify.annotations.NullMarked;

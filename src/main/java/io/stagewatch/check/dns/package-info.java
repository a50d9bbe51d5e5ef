/**
 * The {@code dns} check kind: one query of a record type, to the system's resolver or a chosen
 * server, whose answer must hold the expected values. The queries are dnsjava's, so that the type,
 * the server and the answer's response code are the check's to choose and to see.
 */
@NullMarked
package io.stagewatch.check.dns;

import org.jspecify.annotations.NullMarked;

/**
 * The {@code tcp} check kind: connect to a port, optionally send a line and wait for a text in what
 * the server sends. {@link io.stagewatch.check.tcp.Endpoint} and {@link
 * io.stagewatch.check.tcp.Connector} also serve the tls kind, which is a connection and then a
 * handshake.
 */
@NullMarked
package io.stagewatch.check.tcp;

import org.jspecify.annotations.NullMarked;

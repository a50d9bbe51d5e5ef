/**
 * The {@code tls} check kind: a TLS handshake with a server whose certificate is verified (chain
 * and host name, unless {@code insecure}) and must stay valid for {@code validFor}.
 */
@NullMarked
package io.stagewatch.check.tls;

import org.jspecify.annotations.NullMarked;

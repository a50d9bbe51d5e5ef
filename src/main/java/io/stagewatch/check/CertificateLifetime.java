package io.stagewatch.check;

import io.stagewatch.config.Durations;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * How long a server's certificate has left, judged against a check's {@code validFor}, for the
 * check kinds that see one (tls, and http over https). The time it is judged at is the system
 * clock's: it is the time the JDK verifies the certificate's validity against in the handshake, and
 * the two must agree.
 */
public final class CertificateLifetime {
  private CertificateLifetime() {}

  /**
   * A pass that says until when the certificate is valid, or, when it expires sooner than {@code
   * validFor}, a failure no retry can change; either records the expiry. Without {@code validFor}
   * only the pass's detail is given.
   */
  public static CheckOutcome judge(X509Certificate leaf, @Nullable Duration validFor, Instant now) {
    Instant expiry = leaf.getNotAfter().toInstant();
    Duration left = Duration.between(now, expiry);
    if (validFor != null && left.compareTo(validFor) < 0) {
      return CheckOutcome.permanentFailure(
              "certificate expires "
                  + expiry.truncatedTo(ChronoUnit.SECONDS)
                  + " ("
                  + daysLeft(left)
                  + "), sooner than validFor "
                  + days(validFor))
          .withCertificateExpiry(expiry);
    }
    return new CheckOutcome(
            AttemptVerdict.PASSED,
            "certificate valid until "
                + expiry.truncatedTo(ChronoUnit.SECONDS)
                + " ("
                + daysLeft(left)
                + ")")
        .withCertificateExpiry(expiry);
  }

  /** {@code 30 days left}, {@code 1 day left}, or {@code expired 2 days ago}. */
  public static String daysLeft(Duration left) {
    long days = Math.abs(left.toDays());
    String count = days + (days == 1 ? " day" : " days");
    return left.isNegative() ? "expired " + count + " ago" : count + " left";
  }

  /** A duration as written in a suite, whole days as days ({@code 14d}). */
  private static String days(Duration validFor) {
    return validFor.toMillis() % Duration.ofDays(1).toMillis() == 0 && !validFor.isZero()
        ? validFor.toDays() + "d"
        : Durations.format(validFor);
  }
}

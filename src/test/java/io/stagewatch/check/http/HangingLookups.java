package io.stagewatch.check.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The tests' name service: a name under {@value #DOMAIN} never resolves, its lookup blocks the way
 * it does when no DNS server answers; every other name goes to the JDK's own resolver. Registered
 * in {@code META-INF/services} for the whole test run.
 */
public final class HangingLookups extends InetAddressResolverProvider {
  static final String DOMAIN = ".hangs.test";

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
          throws UnknownHostException {
        if (host.endsWith(DOMAIN)) {
          hang();
          throw new UnknownHostException(host);
        }
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "lookups under " + DOMAIN + " hang";
  }

  private static void hang() {
    try {
      Thread.sleep(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

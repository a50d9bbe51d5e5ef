package io.stagewatch.check.dns;

import io.stagewatch.check.Causes;
import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.Durations;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * A {@code dns} check: one query, answered within the attempt's deadline, with a response code of
 * NOERROR and records of the asked type that meet the expectations.
 *
 * @param server null for the system's resolvers
 */
record DnsCheckSpec(
    String name, RecordType type, @Nullable DnsServer server, DnsExpectations expect)
    implements CheckSpec {

  private static final Duration RESOLVER_MARGIN = Duration.ofSeconds(1);

  /** Every wait is the future's, bounded by the deadline. */
  @Override
  public boolean keepsItsDeadline() {
    return true;
  }

  @Override
  public CheckOutcome attempt(CheckContext context) throws InterruptedException {
    String query = type + " " + name;
    String from = server == null ? "the system resolver" : server.toString();
    Message request;
    try {
      request =
          Message.newQuery(
              Record.newRecord(Name.fromString(name, Name.root), type.code(), DClass.IN));
    } catch (TextParseException e) {
      return CheckOutcome.permanentError("'" + name + "' is not a DNS name: " + e.getMessage());
    }
    Resolver resolver;
    try {
      resolver = resolver(context.remaining());
    } catch (UnknownHostException e) {
      return CheckOutcome.error("unknown DNS server " + from);
    }
    CompletableFuture<Message> answer = resolver.sendAsync(request).toCompletableFuture();
    context.resources().waitingOnNetwork();
    try {
      Message response = answer.get(context.remaining().toNanos(), TimeUnit.NANOSECONDS);
      return judge(response, query, from);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return CheckOutcome.error(
          "no answer from "
              + from
              + " within "
              + Durations.format(context.timeout())
              + " ("
              + query
              + ")");
    } catch (ExecutionException e) {
      return CheckOutcome.error(failed(e, query, from));
    }
  }

  /** Why a query got no answer: nothing listens there, or what the resolver says. */
  private static String failed(ExecutionException e, String query, String from) {
    if (Causes.has(e, PortUnreachableException.class)) {
      return "no DNS server answers at " + from + " (port unreachable; " + query + ")";
    }
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String reason = cause.getMessage();
    return "the query "
        + query
        + " to "
        + from
        + " failed"
        + (reason == null || reason.isBlank() ? "" : ": " + reason);
  }

  private Resolver resolver(Duration timeout) throws UnknownHostException {
    Resolver resolver =
        server == null
            ? new ExtendedResolver()
            : new SimpleResolver(new InetSocketAddress(server.host(), server.port()));
    // A second longer than the attempt: the attempt's own deadline ends the wait, and says so.
    resolver.setTimeout(timeout.plus(RESOLVER_MARGIN));
    return resolver;
  }

  private CheckOutcome judge(Message response, String query, String from) {
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return CheckOutcome.failed(name + " does not exist (NXDOMAIN from " + from + ")");
    }
    if (rcode != Rcode.NOERROR) {
      return CheckOutcome.error(from + " answered " + query + " with " + Rcode.string(rcode));
    }
    List<String> answer =
        response.getSection(Section.ANSWER).stream()
            .filter(r -> r.getType() == type.code())
            .map(type::valueOf)
            .toList();
    return expect.judge(type, answer, query);
  }
}

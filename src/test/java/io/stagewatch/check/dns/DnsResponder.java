package io.stagewatch.check.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A small real DNS server on a loopback UDP port: it answers from a fixed list of records, with
 * NXDOMAIN for a name it has none of, or, when made {@link #silent()}, never answers at all.
 */
public final class DnsResponder implements AutoCloseable {
  private final DatagramSocket socket;
  private final List<Record> records;
  private final boolean answers;

  private DnsResponder(List<Record> records, boolean answers) throws IOException {
    this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    this.records = List.copyOf(records);
    this.answers = answers;
    Thread.ofVirtual().start(this::serve);
  }

  /** Answers with these records. */
  public static DnsResponder answering(Record... records) throws IOException {
    return new DnsResponder(List.of(records), true);
  }

  /** Reads queries and answers none. */
  public static DnsResponder silent() throws IOException {
    return new DnsResponder(List.of(), false);
  }

  /** {@code 127.0.0.1:PORT}, as a check's {@code server:} names it. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[1500];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        if (answers) {
          byte[] reply = reply(new Message(packet.getData())).toWire();
          socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        // Closed, or a query this responder cannot parse: neither is answered.
      }
    }
  }

  private Message reply(Message query) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    Record question = query.getQuestion();
    reply.addRecord(question, Section.QUESTION);
    List<Record> forName = new ArrayList<>();
    for (Record r : records) {
      if (r.getName().equals(question.getName())) {
        forName.add(r);
      }
    }
    if (forName.isEmpty()) {
      reply.getHeader().setRcode(Rcode.NXDOMAIN);
    }
    forName.stream()
        .filter(r -> r.getType() == question.getType())
        .forEach(r -> reply.addRecord(r, Section.ANSWER));
    return reply;
  }

  @Override
  public void close() {
    socket.close();
  }
}

package io.stagewatch.check.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The record types a {@code dns} check can ask for, and how each record's value is written: as a
 * suite writes it, without the trailing dot of a name.
 */
enum RecordType {
  A(Type.A),
  AAAA(Type.AAAA),
  CNAME(Type.CNAME),
  MX(Type.MX),
  TXT(Type.TXT);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  /**
   * A record's value: an address ({@code 192.0.2.10}, {@code 2001:db8:0:0:0:0:0:1}), a name ({@code
   * www.example.com}), {@code 10 mail.example.com} for MX, the joined strings for TXT.
   */
  String valueOf(Record record) {
    return switch (record) {
      case ARecord a -> address(a.getAddress());
      case AAAARecord a -> address(a.getAddress());
      case CNAMERecord c -> c.getTarget().toString(true);
      case MXRecord mx -> mx.getPriority() + " " + mx.getTarget().toString(true);
      case TXTRecord txt -> String.join("", txt.getStrings());
      default -> record.rdataToString();
    };
  }

  /**
   * An expected value as the answer writes it: addresses in one spelling ({@code 2001:db8::1} as
   * {@code 2001:db8:0:0:0:0:0:1}), names without a trailing dot.
   */
  String normalized(String expected) {
    String value = expected.trim();
    if (this == A || this == AAAA) {
      InetAddress address = literal(value);
      return address == null ? value : address(address);
    }
    if (this == CNAME || this == MX) {
      return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    }
    return expected;
  }

  private static String address(InetAddress address) {
    return address.getHostAddress();
  }

  private static @Nullable InetAddress literal(String text) {
    try {
      return Address.getByAddress(text);
    } catch (UnknownHostException e) {
      // Not an address: compared as written, and the answer will not match it.
      return null;
    }
  }
}

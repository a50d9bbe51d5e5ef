package io.stagewatch.check.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real TLS server on a loopback port that presents a chosen certificate, shakes hands with every
 * client and closes the connection.
 */
public final class TlsServer implements AutoCloseable {
  private static final char[] PASSWORD = "test-only".toCharArray();

  private final SSLServerSocket socket;
  private final Thread acceptor;

  public TlsServer(TestCertificates.Identity identity)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", identity.keys().getPrivate(), PASSWORD, identity.chain());
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    socket =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(this::serve);
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread.ofVirtual().start(() -> handshake((SSLSocket) client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void handshake(SSLSocket client) {
    try (client) {
      client.setSoTimeout(10_000);
      client.startHandshake();
      // Wait for the client to close: a close right after the handshake can cut its last read.
      client.getInputStream().read();
    } catch (IOException e) {
      // A client that refuses the certificate ends the handshake; that is what the tests ask for.
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }
}

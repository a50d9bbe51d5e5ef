import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The bench's JVM floor: the least a Java program does to make the same GETs as stagewatch's
 * http checks, with the same JDK HttpClient set-up (HTTP/1.1, no TLS context loaded, a request's
 * first step on a virtual thread and the later ones on the selector thread), one virtual thread
 * per request, PARALLEL at a time, and an exit code. No config, suites, JUnit, store or reports.
 * The bench runs it with bin/stagewatch's JVM options and a start-up cache of its own, so that
 * what stagewatch takes beyond it is stagewatch's own.
 *
 *   java -jar floor.jar URLS PARALLEL    # URLS: curl's config file (url = "...")
 */
public final class JavaFloor {
  private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

  public static void main(String[] args) throws Exception {
    List<URI> urls = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.startsWith("url = \"")) {
        urls.add(URI.create(line.substring(7, line.length() - 1)));
      }
    }
    Semaphore gate = new Semaphore(Integer.parseInt(args[1]));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(new NoTls())
            .sslParameters(new SSLParameters())
            .executor(step -> {
              if (STARTING.get() != null) {
                Thread.ofVirtual().start(step);
              } else {
                step.run();
              }
            })
            .build();
    int failed = 0;
    try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (URI url : urls) {
        gate.acquire();
        statuses.add(requests.submit(() -> {
          try {
            CompletableFuture<HttpResponse<String>> response;
            STARTING.set(Boolean.TRUE);
            try {
              response =
                  client.sendAsync(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            } finally {
              STARTING.remove();
            }
            return response.get().statusCode();
          } finally {
            gate.release();
          }
        }));
      }
      for (Future<Integer> status : statuses) {
        if (status.get() != 200) {
          failed++;
        }
      }
    }
    System.out.println(urls.size() + " requests, " + failed + " not 200");
    // A JVM exiting with the selector thread still in epoll_wait waits 300 ms for it.
    client.shutdownNow();
    client.awaitTermination(Duration.ofSeconds(1));
    System.exit(failed == 0 ? 0 : 1);
  }

  /** A TLS context that is never used: a real one loads the JDK's security providers. */
  private static final class NoTls extends SSLContext {
    NoTls() {
      super(new Refusing(), new Provider("no-tls", "1", "plain http only") {}, "none");
    }
  }

  private static final class Refusing extends SSLContextSpi {
    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
      throw new UnsupportedOperationException();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw new UnsupportedOperationException();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw new UnsupportedOperationException();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw new UnsupportedOperationException();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw new UnsupportedOperationException();
    }
  }
}

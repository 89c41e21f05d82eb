package lexgraph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j Community DBMS with the Bolt connector on 127.0.0.1:PORT, auth enabled.
 *
 * <p>Usage: {@code java -cp ... lexgraph.Neo4jLauncher HOME PORT}. The password of user
 * {@code neo4j} is read from the environment variable NEO4J_PASSWORD (never from the command
 * line, where other users could read it in the process list) and is never printed. The process
 * runs in the foreground until SIGTERM, when a shutdown hook stops the DBMS cleanly.
 */
public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Neo4jLauncher HOME PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.isEmpty()) {
      System.err.println("lexgraph-neo4j: NEO4J_PASSWORD is not set");
      System.exit(2);
    }
    String pageCache = System.getenv().getOrDefault("LEXGRAPH_NEO4J_PAGECACHE", "512m");
    SocketAddress bolt = new SocketAddress("127.0.0.1", port);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, bolt)
            .setConfig(BoltConnector.advertised_address, bolt)
            // A local server: no need to wait Bolt's default 5 s for idle worker threads.
            .setConfig(
                BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(
                BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
            .build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("lexgraph-neo4j: shutting down");
                  dbms.shutdown();
                  System.out.println("lexgraph-neo4j: stopped");
                }));

    // Make the server's password the one we were given (first start, or a changed password).
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.contains("cannot be the same")) {
        System.err.println("lexgraph-neo4j: could not set the password: " + message);
        dbms.shutdown();
        System.exit(1);
      }
    }
    System.out.println("lexgraph-neo4j: ready on bolt://127.0.0.1:" + port);
    new CountDownLatch(1).await();
  }
}

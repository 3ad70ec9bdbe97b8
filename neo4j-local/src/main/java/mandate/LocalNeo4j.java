package mandate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Embedded Neo4j Community with Bolt on loopback, for local development and tests.
 * Started by neo4j-local/launcher.ts, which redirects stdout/stderr to the log file.
 *
 * Usage: java ... mandate.LocalNeo4j <homeDir> <port> <pageCacheSize>
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: mandate.LocalNeo4j <homeDir> <port> <pageCacheSize>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCache = SettingValueParsers.BYTES.parse(args[2]);

        log("starting Neo4j (home " + home + ", bolt 127.0.0.1:" + port + ", page cache " + args[2] + ")");
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                // Neo4j's user log (startup, Bolt address, errors) goes to stdout, i.e. the launcher's log file.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                // Loopback only: nothing off this machine can connect, which is why auth can stay off.
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // The in-process "bolt-local" connector is unused here, and Bolt's default
                // 5 s + 5 s shutdown grace periods would make every stop take ~10 s.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                // No phoning home: this machine only reaches package registries.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
        } catch (Throwable e) {
            // Exit instead of lingering on Neo4j's non-daemon threads, so the launcher sees the failure.
            log("failed to start: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
            return;
        }

        // SIGTERM/SIGINT run shutdown hooks; a clean shutdown avoids recovery on the next start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            dbms.shutdown();
            log("stopped");
        }, "neo4j-local-shutdown"));

        log("ready: bolt://127.0.0.1:" + port);
        // Park the main thread; the process ends via a signal and the hook above.
        Thread.currentThread().join();
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " [neo4j-local] " + message);
        System.out.flush();
    }
}

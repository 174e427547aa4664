package io.sesanalytics.jobs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EMR jar holds only what the cluster lacks. A class of a package that EMR, Spark, Hadoop or Iceberg put on
 * the classpath would clash with theirs (the cluster's copy wins, or ours does, in another version than the one
 * the other side was built against), and test or tool classes have no business on a cluster.
 */
class EmrJarIT {
    /** Packages the cluster provides; the jar must not hold classes under them. */
    static final List<String> CLUSTER_PACKAGES = List.of(
            "org/apache/spark/", "org/apache/hadoop/", "org/apache/iceberg/", "org/apache/parquet/",
            "org/apache/avro/", "org/apache/orc/", "org/apache/hive/", "org/apache/log4j/",
            "org/apache/logging/log4j/", "org/apache/commons/", "org/apache/http/", "org/apache/arrow/",
            "com/fasterxml/jackson/", "org/slf4j/", "scala/", "software/amazon/awssdk/", "com/amazonaws/",
            "io/netty/", "org/reactivestreams/", "com/google/", "org/codehaus/", "org/json4s/", "javax/", "jakarta/",
            "org/xerial/", "org/lz4/", "com/github/luben/", "org/roaringbitmap/", "io/dropwizard/", "org/glassfish/",
            "org/eclipse/jetty/", "org/joda/", "net/razorvine/", "org/antlr/", "com/univocity/", "io/airlift/");
    /** Everything with a class in the jar: the jobs, the capture layout, relocated libraries, picocli. */
    static final List<String> OWN_PACKAGES = List.of(
            "io/sesanalytics/jobs/", "io/sesanalytics/raw/", "io/sesanalytics/shaded/", "picocli/");

    @Test
    void theEmrJarHoldsNoClassTheClusterProvidesAndNoTestOrToolClass() throws IOException {
        Path jar = Path.of(System.getProperty("jobs.emr.jar.path"));
        assertTrue(Files.isRegularFile(jar), "no EMR jar at " + jar + ": run mvn verify, which packages it first");
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Collections.list(file.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.startsWith("META-INF/versions/") ? name.replaceFirst("META-INF/versions/\\d+/", "") : name)
                    .forEach(classes::add);
        }
        TreeMap<String, Integer> clashes = new TreeMap<>();
        TreeMap<String, Integer> foreign = new TreeMap<>();
        List<String> testClasses = new ArrayList<>();
        for (String name : classes) {
            CLUSTER_PACKAGES.stream().filter(name::startsWith).findFirst().ifPresent(p -> clashes.merge(p, 1, Integer::sum));
            if (OWN_PACKAGES.stream().noneMatch(name::startsWith)) {
                foreign.merge(name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : name, 1, Integer::sum);
            }
            if (name.matches(".*(Test|IT|Tests|Fixture)(\\$.*)?\\.class") || name.startsWith("io/sesanalytics/tools/")
                    || name.startsWith("io/sesanalytics/bench/") || name.startsWith("io/sesanalytics/capture/")) {
                testClasses.add(name);
            }
        }
        System.out.printf("EMR jar %s: %d classes, %d under cluster packages, %d outside the jobs' own, %d test or tool%n",
                jar.getFileName(), classes.size(), clashes.values().stream().mapToInt(Integer::intValue).sum(),
                foreign.values().stream().mapToInt(Integer::intValue).sum(), testClasses.size());
        assertEquals(new TreeMap<>(), clashes, "classes (count by package) that the cluster provides too");
        assertEquals(new TreeMap<>(), foreign, "classes (count by package) outside the jobs, the capture layout, "
                + "io/sesanalytics/shaded and picocli");
        assertEquals(List.of(), testClasses, "test or tool classes");
        assertTrue(classes.contains("io/sesanalytics/jobs/cli/SesAnalytics.class"), "the main class");
    }
}

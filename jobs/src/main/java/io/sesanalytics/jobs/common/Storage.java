package io.sesanalytics.jobs.common;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Small-file reads and writes through Hadoop's FileSystem, so local paths and S3 work alike. */
public final class Storage {
    private Storage() {
    }

    public static boolean exists(SparkSession spark, String location) {
        try {
            return fileSystem(spark, location).exists(new Path(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + location, e);
        }
    }

    public static byte[] read(SparkSession spark, String location) {
        try (FSDataInputStream in = fileSystem(spark, location).open(new Path(location))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** Writes a whole small file; on S3 the object appears at once, locally it is written beside and renamed. */
    public static void write(SparkSession spark, String location, byte[] bytes) {
        write(spark, location, out -> out.write(bytes));
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a whole file from a stream, so that readers never see half of it: on S3 the object appears
     * when the upload completes, elsewhere it is written beside the target and renamed.
     */
    public static void write(SparkSession spark, String location, Content content) {
        try {
            FileSystem fs = fileSystem(spark, location);
            Path target = new Path(location);
            Path partial = new Path(target.getParent(), "." + target.getName() + ".partial");
            boolean renameable = !"s3a".equals(fs.getScheme()) && !"s3".equals(fs.getScheme());
            Path first = renameable ? partial : target;
            try (FSDataOutputStream out = fs.create(first, true)) {
                content.writeTo(out);
            }
            if (renameable) {
                fs.delete(target, false);
                if (!fs.rename(partial, target)) {
                    throw new IOException("rename to " + target + " failed");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + location, e);
        }
    }

    /** The paths matching a Hadoop glob, or none. */
    public static java.util.List<String> glob(SparkSession spark, String pattern) {
        try {
            org.apache.hadoop.fs.FileStatus[] matches = fileSystem(spark, pattern).globStatus(new Path(pattern));
            java.util.List<String> paths = new java.util.ArrayList<>();
            if (matches != null) {
                for (org.apache.hadoop.fs.FileStatus match : matches) {
                    paths.add(match.getPath().toString());
                }
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
    }

    public static void delete(SparkSession spark, String location) {
        try {
            fileSystem(spark, location).delete(new Path(location), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + location, e);
        }
    }

    private static FileSystem fileSystem(SparkSession spark, String location) throws IOException {
        // Through Path, which takes glob characters such as {a,b} that a URI refuses.
        return new Path(location).getFileSystem(spark.sparkContext().hadoopConfiguration());
    }
}

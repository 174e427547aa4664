package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Storage;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;

/**
 * Reads the raw lines of capture dates object by object, with the date taken from the folder name. Folders
 * are named explicitly, so nothing is listed beyond the dates asked for. An object that breaks while it is
 * read keeps the lines before the break (see {@link RawObjectLines}); it does not fail the night.
 */
public final class RawCaptures {
    /** The lines as read: {@code unreadable} is the reason when a line stands for a part that could not be read. */
    static final StructType RAW_LINE = new StructType()
            .add("line_id", DataTypes.LongType, false)
            .add("value", DataTypes.StringType)
            .add("capture_date", DataTypes.DateType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("unreadable", DataTypes.StringType)
            .add("unreadable_detail", DataTypes.StringType);

    /** Lines of one object number below this; a line's id is its object's index times it, plus its position. */
    private static final long LINES_PER_OBJECT = 1L << 32;
    static final int PARTITIONS_PER_CORE = 4;
    /** At most this many objects in one partition, so that a partition's parsed rows stay a block of moderate size. */
    static final int OBJECTS_PER_PARTITION = 32;

    private RawCaptures() {
    }

    /** One raw object, as listed: its place among the objects read, its location and its capture date. */
    record RawObject(int index, String location, LocalDate captureDate) implements Serializable {
    }

    /** The objects of the dates' folders, in date and name order; names starting with _ or . are not captures. */
    static List<RawObject> list(SparkSession spark, String raw, List<LocalDate> dates) {
        List<RawObject> objects = new ArrayList<>();
        for (LocalDate date : dates) {
            String folder = Locations.rawFolder(raw, date);
            if (!Storage.exists(spark, folder)) {
                continue;
            }
            try {
                FileStatus[] statuses = FileSystem.get(new Path(folder).toUri(), spark.sparkContext().hadoopConfiguration())
                        .listStatus(new Path(folder));
                Arrays.stream(statuses)
                        .filter(FileStatus::isFile)
                        .map(status -> status.getPath().getName())
                        .filter(name -> !name.startsWith("_") && !name.startsWith("."))
                        .sorted(Comparator.naturalOrder())
                        .forEach(name -> objects.add(new RawObject(objects.size(), folder + "/" + name, date)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        return objects;
    }

    /**
     * Columns: see {@link #RAW_LINE}. Objects are read in runs of neighbours, at least {@value #PARTITIONS_PER_CORE}
     * runs per core and at most {@value #OBJECTS_PER_PARTITION} objects a run: a day holds about a thousand objects of
     * a few MB, and a partition each would make every pass over the parsed lines schedule a thousand small tasks.
     */
    static Dataset<Row> read(SparkSession spark, List<RawObject> objects) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Map<String, String>> hadoop = context.broadcast(settings(spark.sparkContext().hadoopConfiguration()));
        int partitions = Math.max(1, Math.min(objects.size(), Math.max(PARTITIONS_PER_CORE * context.defaultParallelism(),
                (objects.size() + OBJECTS_PER_PARTITION - 1) / OBJECTS_PER_PARTITION)));
        var lines = context.parallelize(objects, partitions)
                .mapPartitions((FlatMapFunction<Iterator<RawObject>, InternalRow>) listed ->
                        readAll(listed, configuration(hadoop.value())))
                .rdd();
        return spark.internalCreateDataFrame(lines, RAW_LINE, false);
    }

    /** The capture dates that have a raw folder, within the range. */
    public static List<LocalDate> datesPresent(SparkSession spark, String raw, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (Storage.exists(spark, Locations.rawFolder(raw, date))) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** The lines of the objects, one object in memory at a time. */
    private static Iterator<InternalRow> readAll(Iterator<RawObject> objects, Configuration hadoop) {
        return new Iterator<>() {
            private Iterator<InternalRow> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && objects.hasNext()) {
                    current = readObject(objects.next(), hadoop).iterator();
                }
                return current.hasNext();
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private static List<InternalRow> readObject(RawObject object, Configuration hadoop) {
        Path path = new Path(object.location());
        List<RawObjectLines.Line> lines;
        try {
            lines = RawObjectLines.read(path.getFileSystem(hadoop).open(path), path.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + object.location(), e);
        }
        UTF8String source = UTF8String.fromString(object.location());
        int day = (int) object.captureDate().toEpochDay();
        List<InternalRow> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            RawObjectLines.Line line = lines.get(i);
            rows.add(new GenericInternalRow(new Object[] {
                    object.index() * LINES_PER_OBJECT + i, UTF8String.fromBytes(line.bytes()), day, source,
                    line.unreadable() == null ? null : UTF8String.fromString(line.unreadable().code()),
                    line.detail() == null ? null : UTF8String.fromString(line.detail())}));
        }
        return rows;
    }

    private static Map<String, String> settings(Configuration configuration) {
        Map<String, String> settings = new HashMap<>();
        configuration.forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
        return settings;
    }

    private static Configuration configuration(Map<String, String> settings) {
        Configuration configuration = new Configuration(false);
        settings.forEach(configuration::set);
        return configuration;
    }
}

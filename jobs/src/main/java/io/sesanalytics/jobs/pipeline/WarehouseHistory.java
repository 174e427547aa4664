package io.sesanalytics.jobs.pipeline;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.normalize.NormalizeRecord;
import io.sesanalytics.jobs.normalize.QuarantineReason;
import io.sesanalytics.raw.CaptureKeys;
import io.sesanalytics.raw.SesEventType;
import io.sesanalytics.raw.SesNotificationType;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/** What the run summaries and the raw folders say of earlier nights, for a {@link NightPlan}. */
final class WarehouseHistory implements NightPlan.History {
    /** The sections of a night that completed: each job removes its own when it starts again. */
    static final List<String> NIGHT_SECTIONS = List.of("normalize", "aggregate", "suppress");

    private final SparkSession spark;
    private final String raw;
    private final String warehouse;
    private final Map<LocalDate, Boolean> normalized = new HashMap<>();

    WarehouseHistory(SparkSession spark, String raw, String warehouse) {
        this.spark = spark;
        this.raw = Locations.normalize(raw);
        this.warehouse = Locations.normalize(warehouse);
    }

    @Override
    public List<LocalDate> datesWithSummaries() {
        return Storage.glob(spark, warehouse + "/_runs/" + CaptureKeys.DATE_FOLDER + "*/summary.json").stream()
                .map(path -> LocalDate.parse(Locations.partitionValue(path, "dt")))
                .sorted()
                .toList();
    }

    @Override
    public boolean completed(LocalDate date) {
        var summary = RunSummaries.read(spark, warehouse, date);
        return NIGHT_SECTIONS.stream().allMatch(summary::has) && normalized(date);
    }

    @Override
    public boolean hasCaptures(LocalDate date) {
        return Storage.exists(spark, Locations.rawFolder(raw, date));
    }

    @Override
    public Set<LocalDate> datesWithTypesNowKnown() {
        Set<LocalDate> dates = new TreeSet<>();
        TableWriter.read(spark, Table.QUARANTINE, warehouse)
                .filter(col("reason").isin(QuarantineReason.UNKNOWN_EVENT_TYPE.code(), QuarantineReason.UNKNOWN_NOTIFICATION_TYPE.code()))
                .select("capture_date", "reason", "reason_detail").distinct().collectAsList()
                .forEach(row -> {
                    String type = row.getString(2);
                    boolean known = QuarantineReason.UNKNOWN_EVENT_TYPE.code().equals(row.getString(1))
                            ? SesEventType.fromEventType(type).isPresent()
                            : SesNotificationType.fromText(type).isPresent();
                    if (known) {
                        dates.add(row.getLocalDate(0));
                    }
                });
        return dates;
    }

    @Override
    public boolean normalized(LocalDate date) {
        // Asked of a date both through completed() and for the night itself: the raw folder is listed once.
        return normalized.computeIfAbsent(date, d -> NormalizeRecord.isCurrent(spark, raw, warehouse, d));
    }
}

package io.sesanalytics.jobs.pipeline;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RowBuilder;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarehouseHistoryTest {
    @TempDir
    Path root;

    private static Row quarantined(String reason, String detail, String date) {
        return new RowBuilder(Table.QUARANTINE.schema()).set("reason", reason).set("reason_detail", detail)
                .set("source_file", "f").set("raw_line", "{}").set("capture_date", LocalDate.parse(date)).build();
    }

    @Test
    void datesWithLinesOfATypeKnownNowAreFound() {
        SparkSession spark = SparkTestSession.get();
        String warehouse = Locations.normalize(root.resolve("warehouse").toString());
        // As an earlier version, which knew neither Subscription nor an event type named Unsubscribe, wrote them.
        TableWriter.overwritePartitions(spark.createDataFrame(List.of(
                quarantined("unknown_event_type", "Subscription", "2026-11-20"),
                quarantined("unknown_event_type", "Unsubscribe", "2026-11-21"),
                quarantined("unknown_notification_type", "Received", "2026-11-22"),
                quarantined("not_json", "Subscription", "2026-11-23")), Table.QUARANTINE.schema()), Table.QUARANTINE, warehouse);
        WarehouseHistory history = new WarehouseHistory(spark, root.resolve("raw").toString(), warehouse);
        assertEquals(Set.of(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-22")), history.datesWithTypesNowKnown());
    }
}

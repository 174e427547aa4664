package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.common.RowBuilder;
import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.jobs.suppress.SuppressionRules.Activity;
import io.sesanalytics.jobs.suppress.SuppressionRules.Change;
import io.sesanalytics.jobs.suppress.SuppressionRules.Outcome;
import io.sesanalytics.jobs.suppress.SuppressionRules.Settings;
import io.sesanalytics.jobs.suppress.SuppressionRules.State;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * One night of the suppression list: the previous state and the night's activity in, every address's
 * new state and the night's changes out. Pure: Datasets in, Datasets out; the rules are {@link SuppressionRules}.
 */
public final class SuppressionUpdate {
    /** The state columns without the state_date partition, which the night adds. */
    static final StructType STATE = withoutLast(Schemas.SUPPRESSION);
    static final StructType CHANGE = withoutLast(Schemas.SUPPRESSION_CHANGE);
    static final StructType OUTCOME = new StructType(new StructField[] {
            new StructField("state", STATE, true, Metadata.empty()),
            new StructField("changes", DataTypes.createArrayType(CHANGE, false), false,
                    Metadata.empty())});

    private SuppressionUpdate() {
    }

    /**
     * @param previous rows of the suppression table (any state_date; it is ignored), or empty
     * @param activity rows of {@link SuppressionActivity#of}
     * @return one row per address: {@code state} (a struct of the state columns) and {@code changes}
     */
    public static Dataset<Row> apply(Dataset<Row> previous, Dataset<Row> activity, LocalDate runDate,
                                     Settings settings) {
        Dataset<Row> before = previous.select(col("address").as("previous_address"),
                struct(Arrays.stream(STATE.fieldNames()).map(n -> col(n))
                        .toArray(Column[]::new)).as("previous"));
        Dataset<Row> tonight = activity.select(col("address").as("activity_address"),
                struct(col("*")).as("activity"));
        // Deliveries alone never start a state: an address enters the list's state with a bounce or complaint.
        Dataset<Row> joined = before.join(tonight, col("previous_address").equalTo(col("activity_address")), "full_outer")
                .filter(col("previous_address").isNotNull().or(col("activity.suppressing")));
        return joined.mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
                new OutcomeIterator(rows, runDate, settings), Encoders.row(OUTCOME));
    }

    /** The new state of every address, dated runDate, in table order. */
    public static Dataset<Row> states(Dataset<Row> outcomes, LocalDate runDate) {
        return outcomes.select(col("state.*")).withColumn("state_date", lit(runDate));
    }

    /** The changes of the night, one row each. */
    public static Dataset<Row> changes(Dataset<Row> outcomes, LocalDate runDate) {
        return outcomes.select(explode(col("changes")).as("c")).select(col("c.*"))
                .withColumn("change_date", lit(runDate));
    }

    private static final class OutcomeIterator implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final LocalDate runDate;
        private final Settings settings;

        OutcomeIterator(Iterator<Row> rows, LocalDate runDate, Settings settings) {
            this.rows = rows;
            this.runDate = runDate;
            this.settings = settings;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Row next() {
            Row row = rows.next();
            Outcome outcome = SuppressionRules.apply(state(row.getAs("previous")), activity(row.getAs("activity")),
                    runDate, settings);
            List<Row> changes = new ArrayList<>();
            for (Change change : outcome.changes()) {
                changes.add(changeRow(change));
            }
            return new RowBuilder(OUTCOME).set("state", stateRow(outcome.state())).set("changes", changes).build();
        }
    }

    static State state(Row r) {
        if (r == null) {
            return null;
        }
        return new State(r.getAs("address"), named(SuppressionStatus.class, r.getAs("status")),
                named(SuppressionReason.class, r.getAs("reason")),
                named(SuppressionTrigger.class, r.getAs("suppression_trigger")),
                r.getAs("first_seen"), r.getAs("last_seen"),
                r.<Long>getAs("permanent_bounces"), r.<Long>getAs("transient_bounces"), r.<Long>getAs("complaints"),
                r.<Long>getAs("deliveries_after_suppression"),
                list(r, "recent_transient_bounces"),
                r.getAs("last_diagnostic_code"), r.getAs("last_diagnostic_at"),
                list(r, "sending_domains"),
                r.getAs("suppressed_on"), r.getAs("expires_on"), r.getAs("released_on"));
    }

    static Activity activity(Row r) {
        if (r == null) {
            return null;
        }
        Row diagnostic = r.getAs("last_diagnostic");
        return new Activity(r.getAs("address"),
                list(r, "permanent_bounces"),
                list(r, "transient_bounces"),
                list(r, "complaints"),
                list(r, "deliveries"),
                diagnostic == null ? null : diagnostic.getAs("code"),
                diagnostic == null ? null : diagnostic.getAs("at"),
                list(r, "sending_domains"));
    }

    static Row stateRow(State s) {
        return new RowBuilder(STATE)
                .set("address", s.address()).set("status", name(s.status())).set("reason", name(s.reason()))
                .set("suppression_trigger", name(s.suppressionTrigger()))
                .set("first_seen", s.firstSeen()).set("last_seen", s.lastSeen())
                .set("permanent_bounces", s.permanentBounces()).set("transient_bounces", s.transientBounces())
                .set("complaints", s.complaints()).set("deliveries_after_suppression", s.deliveriesAfterSuppression())
                .set("recent_transient_bounces", s.recentTransientBounces())
                .set("last_diagnostic_code", s.lastDiagnosticCode()).set("last_diagnostic_at", s.lastDiagnosticAt())
                .set("sending_domains", s.sendingDomains())
                .set("suppressed_on", s.suppressedOn()).set("expires_on", s.expiresOn())
                .set("released_on", s.releasedOn())
                .build();
    }

    static Row changeRow(Change c) {
        return new RowBuilder(CHANGE)
                .set("address", c.address()).set("change", c.change().value()).set("reason", name(c.reason()))
                .set("suppression_trigger", name(c.suppressionTrigger())).set("detail", c.detail())
                .build();
    }

    /** The constant a column stores by name; null for null. */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }

    private static <T> List<T> list(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? List.of() : r.getList(i);
    }

    private static StructType withoutLast(StructType type) {
        return new StructType(Arrays.copyOf(type.fields(), type.fields().length - 1));
    }
}

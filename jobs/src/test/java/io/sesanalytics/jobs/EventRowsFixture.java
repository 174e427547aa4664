package io.sesanalytics.jobs;

import io.sesanalytics.jobs.common.RowBuilder;
import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Rows of the events table built by hand, for tests of the jobs that read it. */
public final class EventRowsFixture {
    private final List<Row> rows = new ArrayList<>();
    private int next;

    /** One event; returns a builder for its optional columns, already added. */
    public Event add(String type, String at, String sender, String recipient) {
        Event event = new Event(type, Instant.parse(at), sender, recipient);
        rows.add(null);
        event.index = rows.size() - 1;
        event.store();
        return event;
    }

    public Dataset<Row> frame() {
        return SparkTestSession.get().createDataFrame(rows, Table.EVENTS.schema());
    }

    public final class Event {
        private final RowBuilder row = new RowBuilder(Table.EVENTS.schema());
        private int index;

        Event(String type, Instant at, String sender, String recipient) {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            row.set("event_id", "e" + (next++)).set("event_type", type).set("source_format", "event_publishing")
                    .set("event_time", at).set("event_date", day).set("message_id", "m-" + at + "-" + sender)
                    .set("mail_time", at).set("source_address", sender).set("source_domain", domain(sender))
                    .set("recipient", recipient).set("recipient_domain", recipient == null ? null : domain(recipient))
                    .set("capture_date", day);
        }

        public Event set(String column, Object value) {
            row.set(column, value);
            return store();
        }

        public Event message(String messageId) {
            return set("message_id", messageId);
        }

        public Event captured(String date) {
            return set("capture_date", LocalDate.parse(date));
        }

        public Event bounce(String bounceType, String diagnostic) {
            row.set("bounce_type", bounceType).set("diagnostic_code", diagnostic);
            return store();
        }

        private Event store() {
            rows.set(index, row.build());
            return this;
        }
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}

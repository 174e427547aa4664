package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.capture.CaptureConfig;
import io.sesanalytics.capture.CaptureHandler;
import io.sesanalytics.capture.CaptureStore;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.capture.SnsUrlPolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Raw captures for two capture dates, written by the real capture handler, with every case the
 * normalize job must handle. The expected figures below are counted by hand from the fixtures.
 */
final class CaptureScenario {
    static final LocalDate DAY_BEFORE = LocalDate.parse("2026-11-23");
    static final LocalDate DAY = LocalDate.parse("2026-11-24");
    static final LocalDate LATE_EVENT_DATE = LocalDate.parse("2026-11-19");
    static final String LATE_MESSAGE_ID = "0100019a5c2f0000-late-delivery-000000";

    /** Lines captured on DAY: 15 in the first batch, 3 retried, 4 in the last batch. */
    static final long DAY_RAW_LINES = 22;
    /** 13 sending fixtures less the open already captured the day before, plus the late delivery. */
    static final long DAY_EVENT_RECORDS = 13;
    /** send has 3 recipients; every other record 1. */
    static final long DAY_EVENT_ROWS = 15;
    static final long DAY_RECEIVED = 2;
    static final long DAY_SAME_SNS_MESSAGE = 4;
    static final long DAY_SAME_SES_EVENT = 1;
    static final long DAY_QUARANTINED = 2;

    private CaptureScenario() {
    }

    static List<String> sendingFixtures() {
        List<String> all = new ArrayList<>(LambdaEvents.IDENTITY_FIXTURES);
        all.addAll(LambdaEvents.EVENT_FIXTURES);
        return all;
    }

    static String wrapped(String fixture) {
        return LambdaEvents.snsMessage(LambdaEvents.ses(fixture), "sns-" + fixture).toString();
    }

    static void write(CaptureStore store) {
        write(store, "");
    }

    /** Writes the captures under a key prefix of the store, as the Lambda with CAPTURE_PREFIX would. */
    static void write(CaptureStore store, String prefix) {
        // The day before: the open, which SNS will deliver again the next day.
        capture(store, prefix, "2026-11-23T22:00:00Z", "d1", List.of(wrapped("event/open.json")));

        List<String> first = new ArrayList<>();
        sendingFixtures().forEach(f -> first.add(wrapped(f)));
        LambdaEvents.RECEIVED_FIXTURES.forEach(f -> first.add(wrapped(f)));
        capture(store, prefix, "2026-11-24T10:00:00Z", "a", first);
        // A retried invocation stores its first three messages again.
        capture(store, prefix, "2026-11-24T10:05:00Z", "b", first.subList(0, 3));

        List<String> last = new ArrayList<>();
        last.add(identityCopyOfEventBounce().toString());
        last.add(lateDelivery().toString());
        last.add("this is not json");
        ObjectNode badTime = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("event/send.json"));
        ((ObjectNode) badTime.path("mail")).put("timestamp", "yesterday");
        ((ObjectNode) badTime.path("mail")).put("messageId", "bad-time-message");
        last.add(LambdaEvents.snsMessage(badTime.toString(), "sns-bad-time").toString());
        capture(store, prefix, "2026-11-24T11:00:00Z", "c", last);
    }

    /** The event-publishing bounce as an identity notification, as senders with both set up receive it. */
    static ObjectNode identityCopyOfEventBounce() {
        ObjectNode identity = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("event/bounce.json"));
        identity.remove("eventType");
        identity.put("notificationType", "Bounce");
        ((ObjectNode) identity.path("mail")).remove("tags");
        return identity;
    }

    /** A delivery that happened five days before it was captured: beyond the default lookback. */
    static ObjectNode lateDelivery() {
        ObjectNode late = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("event/delivery.json"));
        ObjectNode mail = (ObjectNode) late.path("mail");
        mail.put("messageId", LATE_MESSAGE_ID);
        mail.put("timestamp", "2026-11-19T08:00:00.000Z");
        ((ObjectNode) late.path("delivery")).put("timestamp", "2026-11-19T08:00:02.000Z");
        return late;
    }

    private static void capture(CaptureStore store, String prefix, String at, String requestId, List<String> bodies) {
        CaptureHandler handler = new CaptureHandler(new CaptureConfig("test", prefix, Set.of()), store,
                SnsUrlPolicy.snsEndpointsOnly(), Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
        handler.handle(LambdaEvents.sqsEvent(bodies), requestId);
    }
}

package io.sesanalytics.capture;

import io.sesanalytics.raw.CaptureKind;
import io.sesanalytics.raw.SesEventType;
import io.sesanalytics.raw.SesNotificationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SesMessageTypesTest {
    static List<String> sendingFixtures() {
        List<String> all = new ArrayList<>(LambdaEvents.IDENTITY_FIXTURES);
        all.addAll(LambdaEvents.EVENT_FIXTURES);
        return all;
    }

    @ParameterizedTest
    @MethodSource("sendingFixtures")
    void everySendingEventOfBothFormatsIsANotification(String fixture) {
        SesMessageTypes.Classification classification = SesMessageTypes.classify(LambdaEvents.tree(LambdaEvents.ses(fixture)));
        assertEquals(CaptureKind.NOTIFICATIONS, classification.kind(), classification.rejection());
    }

    @Test
    void everyEventTypeHasAFixture() {
        Set<String> eventTypes = Arrays.stream(SesEventType.values()).map(SesEventType::eventType).collect(Collectors.toSet());
        Set<String> identityTypes = Arrays.stream(SesNotificationType.values()).filter(t -> t.eventType() != null)
                .map(SesNotificationType::text).collect(Collectors.toSet());
        assertEquals(eventTypes.size(), LambdaEvents.EVENT_FIXTURES.size());
        assertEquals(eventTypes, LambdaEvents.EVENT_FIXTURES.stream()
                .map(f -> LambdaEvents.json(LambdaEvents.ses(f)).path("eventType").asText())
                .collect(Collectors.toSet()));
        assertEquals(identityTypes, LambdaEvents.IDENTITY_FIXTURES.stream()
                .map(f -> LambdaEvents.json(LambdaEvents.ses(f)).path("notificationType").asText())
                .collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("io.sesanalytics.capture.LambdaEvents#receivedFixtures")
    void receiptNotificationsAreReceived(String fixture) {
        assertEquals(CaptureKind.RECEIVED, SesMessageTypes.classify(LambdaEvents.tree(LambdaEvents.ses(fixture))).kind());
    }

    @Test
    void unknownShapesAreRejectedWithAReason() {
        assertEquals("SES message is not a JSON object", SesMessageTypes.classify(LambdaEvents.tree("[1]")).rejection());
        assertEquals("neither eventType nor notificationType is present",
                SesMessageTypes.classify(LambdaEvents.tree("{\"mail\":{}}")).rejection());
        assertEquals("unknown eventType 'send'",
                SesMessageTypes.classify(LambdaEvents.tree("{\"eventType\":\"send\",\"mail\":{}}")).rejection());
    }
}

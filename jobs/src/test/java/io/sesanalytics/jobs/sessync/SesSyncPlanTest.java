package io.sesanalytics.jobs.sessync;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SesSyncPlanTest {
    @Test
    void putsWhatSesLacksAndDeletesOnlyReleasedAddressesItAdded() {
        Map<String, String> ours = Map.of("a@x.example", "BOUNCE", "b@x.example", "COMPLAINT", "c@x.example", "BOUNCE");
        Map<String, String> ses = Map.of("B@x.example", "BOUNCE", "mine-released@x.example", "BOUNCE",
                "theirs-released@x.example", "COMPLAINT");
        SesSyncPlan plan = SesSyncPlan.of(ours, ses, Set.of("c@x.example", "mine-released@x.example", "gone@x.example"));

        assertEquals(Map.of("a@x.example", "BOUNCE", "c@x.example", "BOUNCE"), plan.puts(),
                "SES's listing is compared without regard to case; c was added before but SES lost it");
        assertEquals(List.of("mine-released@x.example"), plan.deletes(), "never an address someone else added");
        assertEquals(List.of("gone@x.example"), plan.forgotten(), "released and no longer listed: only the record changes");
    }

    @Test
    void plansNothingOnceInLine() {
        Map<String, String> ours = Map.of("a@x.example", "BOUNCE");
        assertTrue(SesSyncPlan.of(ours, Map.of("a@x.example", "BOUNCE", "z@y.example", "COMPLAINT"), Set.of("a@x.example")).isEmpty());
    }

    @Test
    void importUrlsNameTheBucketAsSesDoes() {
        assertEquals("s3://bucket/wh/exports/suppression/dt=2026-11-22/ses-import.csv",
                SesSyncJob.s3Url("s3a://bucket/wh/exports/suppression/dt=2026-11-22/ses-import.csv"));
    }

    @Test
    void importJobsNeedTheWarehouseInS3() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                new SesSyncJob.Config("/tmp/wh", java.time.LocalDate.parse("2026-11-22"), true, true, null, null, null));
        assertTrue(e.getMessage().startsWith("--import-job"), e.getMessage());
    }
}

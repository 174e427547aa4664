package io.sesanalytics.jobs.sessync;

import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.CreateImportJobResponse;
import software.amazon.awssdk.services.sesv2.model.DataFormat;
import software.amazon.awssdk.services.sesv2.model.ImportDataSource;
import software.amazon.awssdk.services.sesv2.model.ImportDestination;
import software.amazon.awssdk.services.sesv2.model.ListSuppressedDestinationsResponse;
import software.amazon.awssdk.services.sesv2.model.SuppressedDestinationSummary;
import software.amazon.awssdk.services.sesv2.model.SuppressionListDestination;
import software.amazon.awssdk.services.sesv2.model.SuppressionListImportAction;

import java.util.Map;
import java.util.TreeMap;

/** SES's account-level suppression list, through the SES v2 API. */
public final class SesSuppressionList {
    /** The largest page ListSuppressedDestinations returns. */
    static final int PAGE_SIZE = 1000;

    private final SesV2Client ses;

    public SesSuppressionList(SesV2Client ses) {
        this.ses = ses;
    }

    /** Every address SES lists, with its reason, read page by page. */
    public Map<String, String> list() {
        Map<String, String> listed = new TreeMap<>();
        String token = null;
        do {
            String next = token;
            ListSuppressedDestinationsResponse page = ses.listSuppressedDestinations(r -> r.pageSize(PAGE_SIZE).nextToken(next));
            for (SuppressedDestinationSummary summary : page.suppressedDestinationSummaries()) {
                listed.put(summary.emailAddress(), summary.reasonAsString());
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return listed;
    }

    public void put(String address, String reason) {
        ses.putSuppressedDestination(r -> r.emailAddress(address).reason(reason));
    }

    public void delete(String address) {
        ses.deleteSuppressedDestination(r -> r.emailAddress(address));
    }

    /** An import job that puts the addresses of one {@code address,REASON} CSV object in S3; returns its id. */
    public String importCsv(String s3Url) {
        CreateImportJobResponse response = ses.createImportJob(r -> r
                .importDestination(ImportDestination.builder().suppressionListDestination(SuppressionListDestination.builder()
                        .suppressionListImportAction(SuppressionListImportAction.PUT).build()).build())
                .importDataSource(ImportDataSource.builder().s3Url(s3Url).dataFormat(DataFormat.CSV).build()));
        return response.jobId();
    }
}

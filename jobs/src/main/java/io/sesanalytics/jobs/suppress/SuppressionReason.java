package io.sesanalytics.jobs.suppress;

/**
 * Why an address is on the list, in SES's words: the reasons of the account-level suppression list, which
 * the ses-import.csv export gives to an SES import job. The tables store the name.
 */
public enum SuppressionReason {
    BOUNCE,
    COMPLAINT
}

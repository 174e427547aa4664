package io.sesanalytics.tools.generate;

import java.util.List;
import java.util.SplittableRandom;

/** The fixed cast of the synthetic captures: sending identities, recipient domains, user agents. */
final class Vocabulary {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String TOPIC_ARN = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":ses-notifications";
    static final String SIGNING_CERT_URL =
            "https://sns." + REGION + ".amazonaws.com/SimpleNotificationService-EXAMPLE.pem";
    static final String UNSUBSCRIBE_URL = "https://sns." + REGION + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
            + TOPIC_ARN + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55";

    /**
     * One From address of a sender.
     *
     * @param source      {@code mail.source} exactly as the sender spelled it
     * @param xSesHeaders whether the raw message names its configuration set and tags in X-SES headers
     */
    record Address(String source, String configurationSet, String operation, boolean xSesHeaders,
                   List<String> campaigns, List<String> subjects) {
    }

    /**
     * A verified sending domain.
     *
     * @param identityTypes   identity notifications configured for it: Bounce, Complaint, Delivery
     * @param identityHeaders whether those notifications include the original headers
     */
    record Sender(String domain, int weight, String callerIdentity, List<String> sourceIps, List<Address> addresses,
                  boolean[] identityTypes, boolean identityHeaders, List<String> inbound) {
        String sourceArn() {
            return "arn:aws:ses:" + REGION + ":" + ACCOUNT + ":identity/" + domain;
        }
    }

    static final int BOUNCE = 0;
    static final int COMPLAINT = 1;
    static final int DELIVERY = 2;

    static final List<Sender> SENDERS = List.of(
            new Sender("example.com", 30, "newsletter-service", List.of("192.0.2.10", "192.0.2.11"), List.of(
                    new Address("\"Example News\" <News@Example.COM>", "marketing", "SendBulkTemplatedEmail", false,
                            List.of("weekly-digest", "winter-sale", "product-update"),
                            List.of("Your weekly digest", "Winter sale starts today", "What's new this month")),
                    new Address("updates@example.com", "marketing", "SendEmail", false,
                            List.of("product-update"), List.of("What's new this month")),
                    new Address("Example Billing <billing@example.com>", "transactional", "SendEmail", false,
                            List.of("invoice", "payment-receipt"), List.of("Your November statement", "Payment received"))),
                    new boolean[] {true, true, true}, true, List.of("billing@example.com", "replies@example.com")),
            new Sender("shop.example.net", 28, "shop-backend", List.of("198.51.100.20", "198.51.100.21", "198.51.100.22"),
                    List.of(
                            new Address("Shop Team <Orders@Shop.Example.net>", "transactional", "SendRawEmail", true,
                                    List.of("order-confirmation", "shipping-update"),
                                    List.of("Your order is confirmed", "Your order has shipped")),
                            new Address("orders@shop.example.net", "transactional", "SendRawEmail", true,
                                    List.of("order-confirmation", "review-request"),
                                    List.of("Your order is confirmed", "How did we do?")),
                            new Address("deals@shop.example.net", "marketing", "SendRawEmail", true,
                                    List.of("black-friday", "winter-sale"),
                                    List.of("Black Friday: up to 50% off", "Winter sale starts today"))),
                    new boolean[] {true, true, false}, false,
                    List.of("support@shop.example.net", "orders@shop.example.net", "returns@shop.example.net")),
            new Sender("news.example.org", 14, "ses_user", List.of("203.0.113.30"), List.of(
                    new Address("\"Example Org Newsletter\" <Newsletter@News.Example.org>", "marketing", "SendEmail", false,
                            List.of("monthly-newsletter", "event-invite"),
                            List.of("The November newsletter", "You're invited: annual meetup")),
                    new Address("digest@news.example.org", "marketing", "SendEmail", false,
                            List.of("weekly-digest"), List.of("This week at Example Org"))),
                    new boolean[] {false, false, false}, false, List.of("editor@news.example.org")),
            new Sender("notify.example.net", 12, "auth-service", List.of("198.51.100.40", "198.51.100.41"), List.of(
                    new Address("Security <security@notify.example.net>", "alerts", "SendTemplatedEmail", false,
                            List.of("login-alert", "password-reset"),
                            List.of("New sign-in to your account", "Reset your password")),
                    new Address("no-reply@notify.example.net", "alerts", "SendTemplatedEmail", false,
                            List.of("verification"), List.of("Confirm your email address"))),
                    new boolean[] {false, false, false}, false, List.of("security@notify.example.net")),
            new Sender("travel.example", 9, "ses_user", List.of("203.0.113.50"), List.of(
                    new Address("Example Travel <Deals@Travel.Example>", "marketing", "SendEmail", false,
                            List.of("last-minute", "winter-escapes"),
                            List.of("Last-minute deals for the weekend", "Winter escapes from 99 EUR")),
                    new Address("bookings@travel.example", "transactional", "SendEmail", false,
                            List.of("booking-confirmation"), List.of("Your booking confirmation"))),
                    new boolean[] {false, false, false}, false, List.of("bookings@travel.example", "help@travel.example")),
            new Sender("support.example.org", 7, "helpdesk", List.of("192.0.2.60"), List.of(
                    new Address("\"Support Desk\" <Support@Support.Example.org>", "transactional", "SendRawEmail", true,
                            List.of("ticket-update"), List.of("Update on your support request")),
                    new Address("help@support.example.org", "transactional", "SendRawEmail", true,
                            List.of("ticket-created", "satisfaction-survey"),
                            List.of("We received your request", "Tell us about your support experience"))),
                    new boolean[] {true, true, true}, true, List.of("help@support.example.org", "support@support.example.org")));

    private static final int SENDER_WEIGHT = SENDERS.stream().mapToInt(Sender::weight).sum();

    static int pickSender(SplittableRandom random) {
        int r = random.nextInt(SENDER_WEIGHT);
        for (int i = 0; i < SENDERS.size(); i++) {
            r -= SENDERS.get(i).weight();
            if (r < 0) {
                return i;
            }
        }
        return SENDERS.size() - 1;
    }

    /** Recipient mailbox providers with their share of a typical consumer list, in percent. */
    static final String[] RECIPIENT_DOMAINS = {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "aol.com", "icloud.com",
        "acme-corp.example", "globex.example", "initech.test", "umbrella.example.net", "example.org"};
    private static final int[] RECIPIENT_DOMAIN_WEIGHTS = {34, 3, 10, 9, 3, 11, 3, 9, 5, 4, 3, 3, 3};

    static String pickRecipientDomain(SplittableRandom random) {
        int r = random.nextInt(100);
        for (int i = 0; i < RECIPIENT_DOMAINS.length; i++) {
            r -= RECIPIENT_DOMAIN_WEIGHTS[i];
            if (r < 0) {
                return RECIPIENT_DOMAINS[i];
            }
        }
        return RECIPIENT_DOMAINS[0];
    }

    static final String[] FIRST_NAMES = {
        "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "david", "elizabeth",
        "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "chris", "karen",
        "daniel", "lisa", "matthew", "nancy", "anthony", "sandra", "mark", "ashley", "paul", "emily",
        "lukas", "anna", "jonas", "lea", "noah", "mia", "lucas", "emma", "hugo", "chloe", "marco", "giulia",
        "pablo", "lucia", "yuki", "haruto", "wei", "mei", "arjun", "priya"};
    static final String[] LAST_NAMES = {
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "wilson", "anderson", "taylor", "thomas", "moore", "jackson", "martin", "lee", "thompson", "white",
        "harris", "clark", "lewis", "walker", "hall", "young", "king", "wright", "scott", "green",
        "mueller", "schmidt", "schneider", "fischer", "dubois", "moreau", "rossi", "russo", "fernandez", "lopez",
        "tanaka", "suzuki", "wang", "li", "sharma", "patel", "kowalski", "nowak", "jansen", "devries"};

    static final String[] BROWSER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"};
    /** Opens also come from mail clients and image proxies, which never click. */
    static final String[] OPEN_ONLY_AGENTS = {
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)",
        "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"};

    static final String[] LINK_POSITIONS = {"header", "hero", "button", "footer"};

    static final String[] RECEIVED_SUBJECTS = {
        "Question about my order", "Re: Your order has shipped", "Where is my refund?", "Re: Your November statement",
        "Unsubscribe", "Wrong item delivered", "Re: Reset your password", "Invoice request", "Out of Office: Re: Your weekly digest",
        "Partnership inquiry"};
    static final String[] RECEIVED_BODIES = {
        "Hello, where is my order #%d?", "Hi, I returned the parcel last week (RMA %d). When will I get my money back?",
        "Please remove me from this list.", "I am out of the office until Monday. Ticket %d.",
        "Could you send me a copy of invoice %d?", "Thanks for the quick help!"};

    private Vocabulary() {
    }
}

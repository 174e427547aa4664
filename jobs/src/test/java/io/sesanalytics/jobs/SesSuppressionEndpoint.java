package io.sesanalytics.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stateful stand-in for SES v2's account-level suppression list, as its REST API is documented:
 * {@code GET /v2/email/suppression/addresses} (PageSize, NextToken; pages of at most {@link #MAX_PAGE}),
 * {@code PUT /v2/email/suppression/addresses} ({EmailAddress, Reason}),
 * {@code DELETE /v2/email/suppression/addresses/{EmailAddress}} and {@code POST /v2/email/import-jobs}. Every
 * {@code throttleEvery}-th request is answered with SES's throttling error (HTTP 429, TooManyRequestsException).
 */
public final class SesSuppressionEndpoint implements AutoCloseable {
    public static final int MAX_PAGE = 3;
    private static final String ADDRESSES = "/v2/email/suppression/addresses";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final int throttleEvery;
    private final TreeMap<String, String> listed = new TreeMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new HashMap<>();
    private final List<String> importUrls = new ArrayList<>();

    public SesSuppressionEndpoint(int throttleEvery) throws IOException {
        this.throttleEvery = throttleEvery;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/email/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized void seed(String address, String reason) {
        listed.put(address, reason);
    }

    public synchronized Map<String, String> listed() {
        return new TreeMap<>(listed);
    }

    public int throttled() {
        return throttled.get();
    }

    /** Answered (not throttled) calls of an operation: GET, PUT, DELETE or POST. */
    public synchronized int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    public synchronized List<String> importUrls() {
        return List.copyOf(importUrls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (throttleEvery > 0 && requests.incrementAndGet() % throttleEvery == 0) {
                throttled.incrementAndGet();
                error(exchange, 429, "TooManyRequestsException", "Too many requests.");
                return;
            }
            synchronized (this) {
                calls.computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
                route(exchange);
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.equals(ADDRESSES) && method.equals("GET")) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int size = Math.min(MAX_PAGE, Integer.parseInt(query.getOrDefault("PageSize", "1000")));
            String after = query.get("NextToken");
            List<String> page = new ArrayList<>((after == null ? listed : listed.tailMap(after, false)).keySet());
            ObjectNode body = JSON.createObjectNode();
            ArrayNode summaries = body.putArray("SuppressedDestinationSummaries");
            for (String address : page.subList(0, Math.min(size, page.size()))) {
                summaries.addObject().put("EmailAddress", address).put("Reason", listed.get(address))
                        .put("LastUpdateTime", 1_795_000_000L);
            }
            if (page.size() > size) {
                body.put("NextToken", page.get(size - 1));
            }
            respond(exchange, 200, body);
        } else if (path.equals(ADDRESSES) && method.equals("PUT")) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String reason = request.path("Reason").asText();
            if (!reason.equals("BOUNCE") && !reason.equals("COMPLAINT")) {
                error(exchange, 400, "BadRequestException", "Reason must be BOUNCE or COMPLAINT");
                return;
            }
            listed.put(request.path("EmailAddress").asText(), reason);
            respond(exchange, 200, JSON.createObjectNode());
        } else if (path.startsWith(ADDRESSES + "/") && method.equals("DELETE")) {
            String address = URLDecoder.decode(path.substring(ADDRESSES.length() + 1), StandardCharsets.UTF_8);
            if (listed.remove(address) == null) {
                error(exchange, 404, "NotFoundException", "not on the suppression list");
                return;
            }
            respond(exchange, 200, JSON.createObjectNode());
        } else if (path.equals("/v2/email/import-jobs") && method.equals("POST")) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            importUrls.add(request.path("ImportDataSource").path("S3Url").asText());
            respond(exchange, 200, JSON.createObjectNode().put("JobId", "job-" + importUrls.size()));
        } else {
            error(exchange, 404, "NotFoundException", method + " " + path + " is not served here");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        respond(exchange, status, JSON.createObjectNode().put("message", message));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.sesanalytics.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local HTTP endpoint that answers the Glue JSON 1.1 protocol ({@code X-Amz-Target: AWSGlue.<Operation>})
 * for the calls the publisher makes, keeping databases, tables and partitions in memory. Every request is
 * recorded; an operation can be made to answer with throttling a number of times, or to deny access, and
 * a partition can be refused in BatchCreatePartition's per-partition error list.
 */
final class GlueEndpointStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Call(String operation, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, ObjectNode> databases = new TreeMap<>();
    private final Map<String, ObjectNode> tables = new TreeMap<>();
    private final Map<String, Map<List<String>, ObjectNode>> partitions = new HashMap<>();
    private final Map<String, Integer> throttles = new HashMap<>();
    private final Map<String, String> denied = new HashMap<>();
    private final Map<List<String>, String> refusedPartitions = new HashMap<>();

    GlueEndpointStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    synchronized void clearCalls() {
        calls.clear();
    }

    /** The next {@code times} calls of the operation answer ThrottlingException (HTTP 400). */
    synchronized void throttle(String operation, int times) {
        throttles.put(operation, times);
    }

    /** Every call of the operation answers AccessDeniedException. */
    synchronized void deny(String operation) {
        denied.put(operation, "User: arn:aws:iam::123456789012:role/nightly is not authorized to perform: glue:" + operation);
    }

    /** BatchCreatePartition answers these partition values with an error entry of the given code. */
    synchronized void refusePartition(List<String> values, String errorCode) {
        refusedPartitions.put(values, errorCode);
    }

    synchronized ObjectNode table(String database, String name) {
        return tables.get(database + "." + name);
    }

    synchronized List<List<String>> partitionValues(String database, String name) {
        return new ArrayList<>(partitions.getOrDefault(database + "." + name, Map.of()).keySet());
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call(operation, body));
        if (denied.containsKey(operation)) {
            error(exchange, 400, "AccessDeniedException", denied.get(operation));
            return;
        }
        int throttled = throttles.getOrDefault(operation, 0);
        if (throttled > 0) {
            throttles.put(operation, throttled - 1);
            error(exchange, 400, "ThrottlingException", "Rate exceeded");
            return;
        }
        try {
            respond(exchange, 200, answer(operation, body));
        } catch (GlueError e) {
            error(exchange, 400, e.type, e.getMessage());
        }
    }

    private JsonNode answer(String operation, JsonNode body) {
        ObjectNode out = JSON.createObjectNode();
        switch (operation) {
            case "GetDatabase" -> {
                ObjectNode db = databases.get(body.path("Name").asText());
                if (db == null) {
                    throw new GlueError("EntityNotFoundException", "Database " + body.path("Name").asText() + " not found.");
                }
                out.set("Database", db);
            }
            case "CreateDatabase" -> {
                ObjectNode input = (ObjectNode) body.path("DatabaseInput");
                if (databases.putIfAbsent(input.path("Name").asText(), input.deepCopy()) != null) {
                    throw new GlueError("AlreadyExistsException", "Database already exists.");
                }
            }
            case "GetTable" -> out.set("Table", existingTable(body.path("DatabaseName").asText(), body.path("Name").asText()));
            case "CreateTable" -> {
                String key = requireDatabase(body) + "." + body.path("TableInput").path("Name").asText();
                if (tables.containsKey(key)) {
                    throw new GlueError("AlreadyExistsException", "Table already exists.");
                }
                tables.put(key, storedTable(body));
            }
            case "UpdateTable" -> {
                String database = requireDatabase(body);
                existingTable(database, body.path("TableInput").path("Name").asText());
                tables.put(database + "." + body.path("TableInput").path("Name").asText(), storedTable(body));
            }
            case "GetPartitions" -> {
                String key = body.path("DatabaseName").asText() + "." + body.path("TableName").asText();
                existingTable(body.path("DatabaseName").asText(), body.path("TableName").asText());
                ArrayNode list = out.putArray("Partitions");
                partitions.getOrDefault(key, Map.of()).values().forEach(list::add);
            }
            case "BatchCreatePartition" -> {
                String key = body.path("DatabaseName").asText() + "." + body.path("TableName").asText();
                existingTable(body.path("DatabaseName").asText(), body.path("TableName").asText());
                ArrayNode errors = out.putArray("Errors");
                for (JsonNode input : body.path("PartitionInputList")) {
                    List<String> values = values(input.path("Values"));
                    if (refusedPartitions.containsKey(values)) {
                        addError(errors, input, refusedPartitions.get(values), "refused by the test");
                    } else if (partitions.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(values, partition(body, input)) != null) {
                        addError(errors, input, "AlreadyExistsException", "exists");
                    }
                }
            }
            case "BatchDeletePartition" -> {
                String key = body.path("DatabaseName").asText() + "." + body.path("TableName").asText();
                out.putArray("Errors");
                for (JsonNode toDelete : body.path("PartitionsToDelete")) {
                    partitions.getOrDefault(key, new HashMap<>()).remove(values(toDelete.path("Values")));
                }
            }
            default -> throw new GlueError("InvalidInputException", "operation " + operation + " is not served here");
        }
        return out;
    }

    private String requireDatabase(JsonNode body) {
        String database = body.path("DatabaseName").asText();
        if (!databases.containsKey(database)) {
            throw new GlueError("EntityNotFoundException", "Database " + database + " not found.");
        }
        return database;
    }

    private ObjectNode existingTable(String database, String name) {
        ObjectNode table = tables.get(database + "." + name);
        if (table == null) {
            throw new GlueError("EntityNotFoundException", "Table " + name + " not found.");
        }
        return table;
    }

    /** What GetTable answers: the TableInput as given, with what Glue adds. */
    private static ObjectNode storedTable(JsonNode body) {
        ObjectNode table = body.path("TableInput").deepCopy();
        table.put("DatabaseName", body.path("DatabaseName").asText());
        table.put("CreateTime", 1.7e9);
        ((ObjectNode) table.path("StorageDescriptor")).put("NumberOfBuckets", -1).put("StoredAsSubDirectories", false);
        return table;
    }

    /** One entry of a batch call's per-partition error list. */
    private static void addError(ArrayNode errors, JsonNode input, String code, String message) {
        ObjectNode error = errors.addObject();
        error.set("PartitionValues", input.path("Values"));
        error.putObject("ErrorDetail").put("ErrorCode", code).put("ErrorMessage", message);
    }

    private static ObjectNode partition(JsonNode body, JsonNode input) {
        ObjectNode partition = input.deepCopy();
        partition.put("DatabaseName", body.path("DatabaseName").asText());
        partition.put("TableName", body.path("TableName").asText());
        return partition;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("Message", message);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        respond(exchange, status, body);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "stub-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class GlueError extends RuntimeException {
        final String type;

        GlueError(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}

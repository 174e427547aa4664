package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Set;

/**
 * Reads JSON text into a Jackson tree, leaving out the values of the named fields wherever they occur.
 * SES repeats every header of a mail in {@code mail.headers}, often half of a notification's bytes, and
 * the jobs read only {@code mail.commonHeaders}: not building that part of the tree makes parsing faster.
 */
final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The first JSON value of the text; null when the text holds none. */
    static JsonNode read(String text, Set<String> skipped) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser, first, skipped);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token, Set<String> skipped) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser, skipped);
            case START_ARRAY -> array(parser, skipped);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token);
        };
    }

    private static ObjectNode object(JsonParser parser, Set<String> skipped) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("unexpected end of input");
            }
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            if (skipped.contains(name)) {
                parser.skipChildren();
            } else {
                object.set(name, value(parser, valueToken, skipped));
            }
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, Set<String> skipped) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("unexpected end of input");
            }
            array.add(value(parser, token, skipped));
        }
        return array;
    }
}

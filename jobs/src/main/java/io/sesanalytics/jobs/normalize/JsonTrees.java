package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Reads JSON text into a Jackson tree of the {@link JsonFields} a reader needs. SES repeats every header
 * of a mail in {@code mail.headers}, often half of a notification's bytes, and SNS adds signature fields:
 * leaving out what no table takes makes parsing faster.
 */
final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The first JSON value of the text; null when the text holds none. */
    static JsonNode read(String text, JsonFields fields) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return first(parser, fields);
        }
    }

    /** The first JSON value of UTF-8 bytes; null when they hold none. */
    static JsonNode read(byte[] utf8, int offset, int length, JsonFields fields) throws IOException {
        try (JsonParser parser = FACTORY.createParser(utf8, offset, length)) {
            return first(parser, fields);
        }
    }

    private static JsonNode first(JsonParser parser, JsonFields fields) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? null : value(parser, first, fields);
    }

    private static JsonNode value(JsonParser parser, JsonToken token, JsonFields fields) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser, fields);
            case START_ARRAY -> array(parser, fields);
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

    private static ObjectNode object(JsonParser parser, JsonFields fields) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("unexpected end of input");
            }
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            JsonFields nested = fields.nested(name);
            if (nested == null) {
                // A string left unread is skipped by the next token, without being decoded.
                parser.skipChildren();
            } else {
                object.set(name, value(parser, valueToken, nested));
            }
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, JsonFields fields) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("unexpected end of input");
            }
            array.add(value(parser, token, fields));
        }
        return array;
    }
}

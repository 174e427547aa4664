package io.sesanalytics.jobs.normalize;

import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a JSON object that a reader needs, by name, each with the fields it needs of that field's
 * value (for an array: of its elements). {@link JsonTrees} builds only these, so the parts of a
 * notification that no table takes are skipped by the tokenizer and never become strings or nodes.
 */
final class JsonFields {
    /** Every field, at every depth. */
    static final JsonFields ALL = new JsonFields(null);
    private static final JsonFields VALUE = new JsonFields(Map.of());

    /** Null for {@link #ALL}. */
    private final Map<String, JsonFields> fields;

    private JsonFields(Map<String, JsonFields> fields) {
        this.fields = fields;
    }

    /** Fields whose values are read as they are: scalars, or containers read whole with {@link #ALL}. */
    static JsonFields of(String... names) {
        Map<String, JsonFields> fields = new HashMap<>();
        for (String name : names) {
            fields.put(name, VALUE);
        }
        return new JsonFields(fields);
    }

    /** These fields and a field of objects (or of an array of objects) with the given fields of its own. */
    JsonFields with(String name, JsonFields nested) {
        return and(new JsonFields(Map.of(name, nested)));
    }

    /** The fields either reader needs. */
    JsonFields and(JsonFields other) {
        if (fields == null || other.fields == null) {
            return ALL;
        }
        Map<String, JsonFields> union = new HashMap<>(fields);
        other.fields.forEach((name, nested) -> union.merge(name, nested, JsonFields::and));
        return new JsonFields(union);
    }

    /** What is needed of the named field's value; null when the field is not needed. */
    JsonFields nested(String name) {
        return fields == null ? ALL : fields.get(name);
    }
}

package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.suppress.SuppressionRules.Change;
import io.sesanalytics.jobs.suppress.SuppressionRules.State;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules' records restate the suppression tables' columns, and the enums their values; a change to
 * one side fails here until the other agrees.
 */
class SuppressionStateTest {
    @Test
    void stateHasTheSuppressionColumnsButTheNightInTableOrderWithTheirTypes() {
        // The state_date partition is the night's, added when the states are written.
        assertEquals(columns(Table.SUPPRESSION, "state_date"), components(State.class));
    }

    @Test
    void changeHasTheHistoryColumnsWithTheirTypes() {
        // Change keeps its date beside the address; the table puts it last, as the change_date partition.
        assertEquals(columns(Table.SUPPRESSION_HISTORY).stream().sorted().toList(),
                components(Change.class).stream().sorted().toList());
    }

    @Test
    void theColumnCommentsNameEveryValue() {
        assertNamed(Schemas.SUPPRESSION, "status", SuppressionStatus.values(), Enum::name);
        assertNamed(Schemas.SUPPRESSION, "reason", SuppressionReason.values(), Enum::name);
        assertNamed(Schemas.SUPPRESSION, "suppression_trigger", SuppressionTrigger.values(), Enum::name);
        assertNamed(Schemas.SUPPRESSION_CHANGE, "reason", SuppressionReason.values(), Enum::name);
        assertNamed(Schemas.SUPPRESSION_CHANGE, "suppression_trigger", SuppressionTrigger.values(), Enum::name);
        assertNamed(Schemas.SUPPRESSION_CHANGE, "change", SuppressionChange.values(), SuppressionChange::value);
    }

    private static <E> void assertNamed(StructType schema, String column, E[] values, Function<E, String> stored) {
        String comment = Schemas.comment(schema.apply(column));
        for (E value : values) {
            assertTrue(comment.contains(stored.apply(value)), column + " comment '" + comment + "' lacks " + value);
        }
    }

    /** "name type" of each column of the table but those left out, in table order. */
    private static List<String> columns(Table table, String... leftOut) {
        return Arrays.stream(table.schema().fields())
                .filter(f -> !Arrays.asList(leftOut).contains(f.name()))
                .map(f -> f.name() + " " + f.dataType().simpleString()).toList();
    }

    /** "name type" of each record component, its name in snake case and its Java type as Spark's. */
    private static List<String> components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents())
                .map(c -> snakeCase(c) + " " + sparkType(c.getGenericType()).simpleString()).toList();
    }

    private static String snakeCase(RecordComponent component) {
        return component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static DataType sparkType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return DataTypes.createArrayType(sparkType(list.getActualTypeArguments()[0]), true);
        }
        if (type == String.class || type instanceof Class<?> c && c.isEnum()) {
            return DataTypes.StringType;
        }
        if (type == Instant.class) {
            return DataTypes.TimestampType;
        }
        if (type == LocalDate.class) {
            return DataTypes.DateType;
        }
        if (type == long.class || type == Long.class) {
            return DataTypes.LongType;
        }
        throw new AssertionError("no column type for " + type);
    }
}

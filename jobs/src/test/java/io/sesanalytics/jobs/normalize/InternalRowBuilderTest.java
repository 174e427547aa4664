package io.sesanalytics.jobs.normalize;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternalRowBuilderTest {
    private static final InternalRowBuilder.Layout LAYOUT = new InternalRowBuilder.Layout(new StructType()
            .add("name", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("count", DataTypes.LongType)
            .add("tags", DataTypes.createMapType(DataTypes.StringType, DataTypes.createArrayType(DataTypes.StringType))));

    @Test
    void holdsJavaValuesInSparksInternalForm() {
        InternalRow row = LAYOUT.builder()
                .set("name", "a@x.example")
                .set("day", LocalDate.of(2026, 11, 20))
                .set("count", 3L)
                .set("tags", Map.of("campaign", List.of("fall")))
                .build();
        assertEquals("a@x.example", row.getUTF8String(0).toString());
        assertEquals(LocalDate.of(2026, 11, 20).toEpochDay(), row.getInt(1));
        assertEquals(3L, row.getLong(2));
        Row external = LAYOUT.toRow(row);
        assertEquals("a@x.example", external.getString(0));
        assertEquals(3L, external.getLong(2));
        assertEquals("fall", external.<scala.collection.Map<String, scala.collection.Seq<String>>>getAs("tags")
                .apply("campaign").apply(0));
    }

    @Test
    void leavesUnsetColumnsNullAndRefusesValuesOfAnotherType() {
        assertTrue(LAYOUT.builder().set("name", "b").build().isNullAt(2));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.builder().set("count", "3"));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.builder().set("name", 3L));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.builder().set("missing", "x"));
    }
}

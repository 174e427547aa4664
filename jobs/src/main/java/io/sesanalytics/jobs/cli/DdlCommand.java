package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.publish.AthenaDdl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes the Athena DDL of every table, one file each. */
@Command(name = "ddl", mixinStandardHelpOptions = true,
        description = "Write Athena CREATE TABLE statements (Iceberg) for every output table, one <table>.sql file each.")
public final class DdlCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "sql/ddl", paramLabel = "DIR",
            description = "Folder of the files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--database", defaultValue = AthenaDdl.DEFAULT_DATABASE, paramLabel = "NAME",
            description = "Database of the tables (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--warehouse", paramLabel = "S3_URI",
            description = "Warehouse root in the LOCATION clauses (default: s3://$${DATA_BUCKET}/warehouse, a placeholder to replace).")
    String warehouse;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        for (Table table : Table.values()) {
            Path file = out.resolve(table.tableName() + ".sql");
            Files.writeString(file, AthenaDdl.createTable(table, database,
                    warehouse == null ? AthenaDdl.WAREHOUSE_PLACEHOLDER : warehouse), StandardCharsets.UTF_8);
            System.out.println(file);
        }
        return 0;
    }
}

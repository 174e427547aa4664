package io.sesanalytics.capture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every CloudFormation or SAM template in the repository passes {@code cfn-lint} with no error and no
 * warning. Without cfn-lint on the PATH the test is skipped, except in CI ({@code CI=true}), where it fails.
 */
class TemplatesLintTest {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");
    /** Generated data and rendered files, which git ignores. */
    private static final Set<String> SKIPPED_PATHS = Set.of("bench/data", "emr/out");

    @Test
    void everyTemplatePassesCfnLint() throws Exception {
        Path root = repositoryRoot();
        List<Path> templates = templates(root);
        assertTrue(templates.contains(root.resolve("lambda-capture/template.yaml")), "templates found: " + templates);

        Path cfnLint = onPath("cfn-lint");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (cfnLint == null) {
            if (ci) {
                fail("cfn-lint is not on the PATH, and CI=true requires the templates to be linted (pip install cfn-lint)");
            }
            Assumptions.abort("cfn-lint is not on the PATH (pip install cfn-lint); skipped outside CI");
        }

        List<String> command = new ArrayList<>(List.of(cfnLint.toString(), "--format", "parseable", "--"));
        templates.forEach(t -> command.add(root.relativize(t).toString()));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cfn-lint did not finish");
        int exit = process.exitValue();
        System.out.println("cfn-lint " + String.join(" ", command.subList(4, command.size())) + ": exit " + exit
                + (output.isBlank() ? ", no findings" : "\n" + output));
        // cfn-lint's exit status is a bit set: 2 errors, 4 warnings, 8 informational findings; 1 a failure to run.
        assertEquals(0, exit & ~8, "cfn-lint found errors or warnings:\n" + output);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("lambda-capture"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the ses-analytics repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** YAML and JSON files that declare a template format version or the SAM transform. */
    static List<Path> templates(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(p -> !skipped(root.relativize(p)))
                    .filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json|template)$"))
                    .filter(TemplatesLintTest::isTemplate)
                    .sorted()
                    .toList();
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return SKIPPED_PATHS.stream().anyMatch(skipped -> relative.startsWith(skipped));
    }

    private static boolean isTemplate(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.contains("AWSTemplateFormatVersion") || text.contains("AWS::Serverless-2016-10-31");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return false; // not UTF-8 text
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

package io.sesanalytics.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesanalytics.jobs.cli.SesAnalytics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the deployment files in emr/ against the build: well-formed JSON, the shaded jar's name, the main class,
 * the subcommand and options of the command line, the IAM policies and the shell scripts.
 */
class EmrDeploymentFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jars that are not ours: EMR's step runner. */
    private static final Set<String> FOREIGN_JARS = Set.of("command-runner.jar", "iceberg-spark3-runtime.jar");
    private static final Pattern JAR = Pattern.compile("[A-Za-z0-9_./${}:@+-]*\\.jar(?![A-Za-z0-9_])");
    private static final Pattern MAIN_CLASS = Pattern.compile("--class[\\s\"',=]+([A-Za-z_][A-Za-z0-9_.$]*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    /** Bash arrays holding the application's arguments: {@code APP_ARGS=(nightly --raw ...)}, {@code EXTRA_APP_ARGS+=(...)}. */
    private static final Pattern SHELL_APP_ARGS = Pattern.compile("\\b(\\w*APP_ARGS)(\\+?)=\\(([^)]*)\\)");
    /** The subcommand that shell scripts extend when they only add options (backfill adds --from/--to to nightly). */
    private static final String DEFAULT_SUBCOMMAND = "nightly";

    private static Path emr;
    private static String jarName;

    @BeforeAll
    static void locate() {
        Path cwd = Paths.get("").toAbsolutePath();
        emr = Stream.of(cwd.resolve("../emr"), cwd.resolve("emr"))
                .map(Path::normalize)
                .filter(Files::isDirectory)
                .findFirst()
                .orElseGet(() -> fail("no emr/ folder next to " + cwd + " (looked for ../emr and emr)"));
        jarName = System.getProperty("jobs.emr.jar");
        assertNotNull(jarName, "system property jobs.emr.jar (the shaded jar's file name) is not set; the pom sets it");
        assertTrue(jarName.endsWith(".jar"), "jobs.emr.jar should be a jar file name: " + jarName);
    }

    @Test
    void everyJsonFileIsWellFormedAndUsesRenderablePlaceholders() throws IOException {
        List<Path> files = files(".json");
        assertFalse(files.isEmpty(), "no JSON files in " + emr);
        for (Path file : files) {
            JsonNode node = readJson(file);
            assertTrue(node.isObject() || node.isArray(), file + " should hold a JSON object or array");
            Matcher m = PLACEHOLDER.matcher(read(file));
            while (m.find()) {
                assertTrue(m.group(1).matches("[A-Z][A-Z0-9_]*"),
                        file.getFileName() + ": render.sh fills only ${UPPER_CASE} placeholders, not ${" + m.group(1) + "}");
            }
        }
    }

    @Test
    void scheduleTargetsEmrServerlessWithTheNightlyJobRun() throws IOException {
        JsonNode schedule = readJson(emr.resolve("schedule-nightly.json"));
        for (String field : List.of("Name", "ScheduleExpression", "FlexibleTimeWindow", "Target")) {
            assertTrue(schedule.hasNonNull(field), "schedule-nightly.json lacks " + field);
        }
        assertTrue(schedule.path("ScheduleExpression").asText().startsWith("cron("), "the schedule should be a cron expression");
        assertTrue(schedule.path("FlexibleTimeWindow").hasNonNull("Mode"), "FlexibleTimeWindow.Mode is required");

        JsonNode target = schedule.path("Target");
        assertEquals("arn:aws:scheduler:::aws-sdk:emrserverless:startJobRun", target.path("Arn").asText());
        assertTrue(target.hasNonNull("RoleArn"), "Target.RoleArn is required");
        assertTrue(target.path("Input").isTextual(), "Target.Input must be a JSON string, not an object");
        JsonNode input;
        try {
            input = JSON.readTree(target.path("Input").asText());
        } catch (IOException e) {
            input = fail("Target.Input is not a JSON document: " + e.getMessage());
        }
        for (String field : List.of("applicationId", "executionRoleArn", "jobDriver")) {
            assertTrue(input.hasNonNull(field), "Target.Input lacks " + field);
        }

        JsonNode jobRun = readJson(emr.resolve("emr-serverless-job-run.json"));
        assertEquals(jobRun.path("jobDriver"), input.path("jobDriver"),
                "the scheduled run and emr-serverless-job-run.json should run the same job driver");
        assertEquals(jobRun.path("applicationId"), input.path("applicationId"));
        assertEquals(jobRun.path("executionRoleArn"), input.path("executionRoleArn"));
    }

    /**
     * EMR Serverless scales executors with dynamic allocation and has no external shuffle service, so Spark must
     * track which executors hold shuffle data; the EMR step and spark-submit.sh say the same.
     */
    @Test
    void everyClusterRunTracksShuffleDataForDynamicAllocation() throws IOException {
        String tracking = "spark.dynamicAllocation.shuffleTracking.enabled=true";
        for (String file : List.of("emr-step.json", "emr-serverless-job-run.json", "schedule-nightly.json", "spark-submit.sh")) {
            assertTrue(textWithInputs(emr.resolve(file)).contains(tracking), file + " should set " + tracking);
        }
    }

    @Test
    void jarPathsNameTheShadedJar() throws IOException {
        int ours = 0;
        for (Path file : files(".json", ".sh")) {
            Matcher m = JAR.matcher(textWithInputs(file));
            while (m.find()) {
                String path = m.group();
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (FOREIGN_JARS.contains(name)) {
                    continue;
                }
                assertEquals(jarName, name, file.getFileName() + " names a jar other than the shaded one: " + path);
                ours++;
            }
        }
        for (String file : List.of("emr-step.json", "emr-serverless-job-run.json", "schedule-nightly.json", "spark-submit.sh")) {
            assertTrue(textWithInputs(emr.resolve(file)).contains(jarName), file + " should run " + jarName);
        }
        assertTrue(ours > 0, "no jar paths found in " + emr);
    }

    @Test
    void mainClassIsLoadable() throws Exception {
        Set<String> classes = new LinkedHashSet<>();
        for (Path file : files(".json", ".sh")) {
            String text = textWithInputs(file);
            Matcher m = MAIN_CLASS.matcher(text);
            boolean found = false;
            while (m.find()) {
                classes.add(m.group(1));
                found = true;
            }
            if (JAR.matcher(text).results().anyMatch(r -> r.group().endsWith(jarName))) {
                assertTrue(found, file.getFileName() + " runs the jar but names no --class");
            }
        }
        assertFalse(classes.isEmpty(), "no --class found in " + emr);
        ClassLoader loader = getClass().getClassLoader();
        for (String name : classes) {
            Class<?> main = Class.forName(name, false, loader);
            Method method = main.getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(method.getModifiers()), name + ".main should be static");
        }
        assertEquals(Set.of(SesAnalytics.class.getName()), classes);
    }

    @Test
    void subcommandsAndOptionsExist() throws IOException {
        CommandLine cli = new CommandLine(new SesAnalytics());
        Map<String, List<List<String>>> uses = new LinkedHashMap<>();
        for (Path file : files(".json")) {
            collectJsonArguments(file.getFileName().toString(), jsonWithInputs(file), uses);
        }
        for (Path file : files(".sh")) {
            collectShellArguments(file, uses);
        }
        assertFalse(uses.isEmpty(), "no command lines found in " + emr);
        assertTrue(uses.values().stream().flatMap(List::stream).anyMatch(args -> args.get(0).equals("nightly")),
                "no file runs the nightly subcommand");

        for (Map.Entry<String, List<List<String>>> use : uses.entrySet()) {
            for (List<String> args : use.getValue()) {
                String sub = args.get(0);
                CommandLine command = cli.getSubcommands().get(sub);
                assertNotNull(command, use.getKey() + ": unknown subcommand '" + sub + "' in " + args);
                CommandSpec spec = command.getCommandSpec();
                for (int i = 1; i < args.size(); i++) {
                    String arg = args.get(i);
                    if (!arg.startsWith("--")) {
                        continue;
                    }
                    String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    assertTrue(hasOption(spec, option),
                            use.getKey() + ": '" + sub + "' has no option " + option + " (arguments " + args + ")");
                    if (option.equals("--catalog") && i + 1 < args.size() && !args.get(i + 1).startsWith("$")) {
                        assertEquals("glue", args.get(i + 1), use.getKey() + ": on AWS the catalog should be glue");
                    }
                }
            }
        }
    }

    @Test
    void iamPoliciesAreVersionedAndScoped() throws IOException {
        List<Path> policies = files(".json").stream()
                .filter(p -> p.getFileName().toString().startsWith("iam-"))
                .toList();
        assertFalse(policies.isEmpty(), "no iam-*.json policies in " + emr);
        for (Path file : policies) {
            String name = file.getFileName().toString();
            JsonNode policy = readJson(file);
            assertEquals("2012-10-17", policy.path("Version").asText(), name + ": Version");
            JsonNode statements = policy.path("Statement");
            assertFalse(statements.isMissingNode() || statements.isEmpty(), name + " has no Statement");
            for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
                List<String> actions = strings(statement.path("Action"));
                List<String> resources = strings(statement.path("Resource"));
                assertFalse(actions.isEmpty(), name + ": a statement without Action");
                assertFalse(statement.has("NotAction") || statement.has("NotResource"),
                        name + ": NotAction/NotResource widen a policy; list what is allowed instead");
                for (String action : actions) {
                    assertFalse(action.equals("*") || action.toLowerCase(Locale.ROOT).equals("s3:*"),
                            name + ": Action " + action + " is too broad");
                }
                boolean s3 = actions.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("s3:"));
                if (s3) {
                    assertFalse(resources.isEmpty(), name + ": S3 actions without a Resource");
                    assertFalse(resources.contains("*"), name + ": S3 actions on Resource \"*\"");
                }
                if (name.endsWith("-trust.json")) {
                    assertEquals(List.of("sts:AssumeRole"), actions, name + ": a trust policy only allows sts:AssumeRole");
                    assertTrue(statement.path("Principal").hasNonNull("Service"), name + ": trust a service principal");
                }
            }
        }
    }

    @Test
    void shellScriptsAreStrictAndParse() throws Exception {
        List<Path> scripts = files(".sh");
        assertFalse(scripts.isEmpty(), "no shell scripts in " + emr);
        for (Path script : scripts) {
            List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
            String name = script.getFileName().toString();
            assertTrue(!lines.isEmpty() && lines.get(0).startsWith("#!") && lines.get(0).contains("bash"),
                    name + " should start with a bash shebang");
            assertTrue(lines.stream().anyMatch(l -> l.strip().equals("set -euo pipefail")),
                    name + " should run with set -euo pipefail");
        }
        assumeTrue(bashAvailable(), "bash is not available to check the scripts' syntax");
        for (Path script : scripts) {
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n " + script + " did not finish");
            assertEquals(0, bash.exitValue(), "bash -n " + script.getFileName() + ":\n" + output);
        }
    }

    // --- helpers ---

    private static List<Path> files(String... suffixes) throws IOException {
        try (Stream<Path> list = Files.list(emr)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(read(file));
        } catch (IOException e) {
            return fail(file.getFileName() + " is not well-formed JSON: " + e.getMessage());
        }
    }

    /** A JSON file with every string that is itself a JSON document (the schedule's Target.Input) parsed in place. */
    private static JsonNode jsonWithInputs(Path file) {
        return expandEmbeddedJson(readJson(file));
    }

    private static JsonNode expandEmbeddedJson(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (text.startsWith("{") && text.endsWith("}")) {
                try {
                    return expandEmbeddedJson(JSON.readTree(text));
                } catch (IOException e) {
                    return node;
                }
            }
            return node;
        }
        if (node.isObject()) {
            var copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), expandEmbeddedJson(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(expandEmbeddedJson(n)));
            return copy;
        }
        return node;
    }

    /** The text to search for jars and classes: shell text as is, JSON with embedded JSON strings unescaped. */
    private static String textWithInputs(Path file) throws IOException {
        return file.toString().endsWith(".json") ? jsonWithInputs(file).toPrettyString() : read(file);
    }

    /**
     * The application's argument lists in a JSON document: every {@code entryPointArguments} array (EMR Serverless),
     * and in any other string array whatever follows the shaded jar (the spark-submit arguments of an EMR step).
     */
    private static void collectJsonArguments(String file, JsonNode node, Map<String, List<List<String>>> uses) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("entryPointArguments")) {
                    List<String> args = strings(field.getValue());
                    assertFalse(args.isEmpty(), file + ": empty entryPointArguments");
                    uses.computeIfAbsent(file, k -> new ArrayList<>()).add(args);
                } else {
                    collectJsonArguments(file, field.getValue(), uses);
                }
            }
        } else if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(n -> values.add(n.isTextual() ? n.asText() : null));
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null && values.get(i).endsWith(jarName)) {
                    List<String> args = values.subList(i + 1, values.size());
                    assertFalse(args.isEmpty() || args.contains(null), file + ": no subcommand after the jar");
                    uses.computeIfAbsent(file, k -> new ArrayList<>()).add(new ArrayList<>(args));
                }
            }
            node.forEach(n -> collectJsonArguments(file, n, uses));
        }
    }

    /** The bash arrays named *APP_ARGS; a plain {@code APP_ARGS=(...)} starts with the subcommand. */
    private static void collectShellArguments(Path script, Map<String, List<List<String>>> uses) throws IOException {
        String text = read(script);
        String file = script.getFileName().toString();
        String subcommand = DEFAULT_SUBCOMMAND;
        Matcher m = SHELL_APP_ARGS.matcher(text);
        List<List<String>> found = new ArrayList<>();
        while (m.find()) {
            List<String> words = new ArrayList<>();
            for (String word : m.group(3).trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word.replaceAll("^[\"']|[\"']$", ""));
                }
            }
            if (m.group(1).equals("APP_ARGS") && m.group(2).isEmpty()) {
                assertFalse(words.isEmpty() || words.get(0).startsWith("-"), file + ": APP_ARGS should start with the subcommand");
                subcommand = words.get(0);
                words = words.subList(1, words.size());
            }
            found.add(words);
        }
        for (List<String> words : found) {
            List<String> args = new ArrayList<>();
            args.add(subcommand);
            args.addAll(words);
            uses.computeIfAbsent(file, k -> new ArrayList<>()).add(args);
        }
    }

    private static boolean hasOption(CommandSpec spec, String name) {
        if (spec.findOption(name) != null) {
            return true;
        }
        for (ArgGroupSpec group : spec.argGroups()) {
            if (groupHasOption(group, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean groupHasOption(ArgGroupSpec group, String name) {
        if (group.options().stream().anyMatch(o -> List.of(o.names()).contains(name))) {
            return true;
        }
        return group.subgroups().stream().anyMatch(g -> groupHasOption(g, name));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        }
        return values;
    }

    private static boolean bashAvailable() {
        try {
            Process p = new ProcessBuilder("bash", "-c", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.sesanalytics.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Debian's chromium, headless, as a child process: a page's DOM after its scripts ran, and a screenshot. */
public final class HeadlessChromium {
    /** What a run printed: the DOM (stdout) and Chromium's log with the page's console messages (stderr). */
    public record Run(String stdout, String stderr) {
        /** The page's console messages, as Chromium logs them ("CONSOLE(line)"). */
        public List<String> console() {
            return stderr.lines().filter(line -> line.contains("CONSOLE")).toList();
        }
    }

    private HeadlessChromium() {
    }

    public static Run dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        return run(page, profile, "--dump-dom");
    }

    public static Run screenshot(Path page, Path profile, Path png, int width, int height) throws IOException, InterruptedException {
        return run(page, profile, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
    }

    private static Run run(Path page, Path profile, String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath(),
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000"));
        command.addAll(List.of(what));
        command.add(page.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            fail("chromium is not on PATH: the report test needs Debian's chromium (apt-get install -y chromium): " + e.getMessage());
            throw e;
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                fail("chromium did not finish within 120 s: " + Files.readString(err));
            }
            Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            assertEquals(0, process.exitValue(), "chromium failed: " + run.stderr());
            return run;
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

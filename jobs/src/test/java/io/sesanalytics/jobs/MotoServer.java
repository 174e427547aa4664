package io.sesanalytics.jobs;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Python moto's {@code moto_server} as a child process on a free loopback port: Glue, S3 and the other AWS APIs
 * the AWS SDK reaches through an endpoint override. Its output goes to a file, named when it does not start.
 */
public final class MotoServer implements AutoCloseable {
    private static final String COMMAND = "moto_server";
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts the server and waits until it answers; fails naming moto when {@code moto_server} is missing. */
    public static MotoServer start() throws IOException, InterruptedException {
        Path command = onPath(COMMAND);
        if (command == null) {
            throw new IllegalStateException(COMMAND + " (Python moto, with its server) is not on the PATH: "
                    + "pip install 'moto[server]'");
        }
        int port = freePort();
        Path log = Files.createTempFile("moto-server-", ".log");
        Process process = new ProcessBuilder(command.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + START.toNanos();
        while (!server.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException(COMMAND + " did not start on port " + port + "; its output: " + log);
            }
            Thread.sleep(100);
        }
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server and whatever it started (a pyenv shim runs Python as a child). */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder).resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

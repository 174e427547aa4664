package io.sesanalytics.bench;

import io.sesanalytics.capture.CaptureHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation, made as Lambda makes it: the handler is built by its no-argument constructor (settings,
 * region and credentials from the environment, its S3 client included) and handles one invocation payload.
 * Prints the milliseconds from JVM start to the answer.
 *
 * <p>Usage: {@code LambdaColdStart PAYLOAD_FILE}, with the deployment jar on the classpath.
 */
public final class LambdaColdStart {
    public static void main(String[] args) throws Exception {
        byte[] payload = Files.readAllBytes(Path.of(args[0]));
        CaptureHandler handler = new CaptureHandler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, null);
        long fromJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(fromJvmStart);
    }
}

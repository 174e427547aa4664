package io.sesanalytics.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Stores capture objects as files under a root folder, in the same layout as in S3. */
public final class DirectoryCaptureStore implements CaptureStore {
    private final Path root;

    public DirectoryCaptureStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, byte[] gzipNdjson) throws IOException {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root.normalize())) {
            throw new IOException("key escapes the capture folder: " + key);
        }
        Files.createDirectories(target.getParent());
        // Write beside the target and rename, so that a reader never sees half an object.
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.write(partial, gzipNdjson);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe(String key) {
        return root.resolve(key).toString();
    }
}

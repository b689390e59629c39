package dev.compatmatrix.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an upload into memory, but never more than the limit: a file announced as larger is refused before a byte is
 * read, and one that turns out larger is refused as soon as it passes the limit (the server discards the rest), so a
 * huge post costs at most the limit in memory. The outcome is handed to the page in the UI's lock.
 */
final class SizeLimitedUpload implements UploadHandler {

    /** Room for a multipart request's boundaries and part headers around the file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final int maxBytes;
    private final SerializableBiConsumer<String, byte[]> received;
    private final SerializableConsumer<String> refused;

    /**
     * @param received gets the file's name and content
     * @param refused  gets the reason in the user's terms
     */
    SizeLimitedUpload(
            int maxBytes, SerializableBiConsumer<String, byte[]> received, SerializableConsumer<String> refused) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        byte[] content = null;
        if (event.getFileSize() <= maxBytes) {
            try (InputStream in = event.getInputStream()) {
                content = in.readNBytes(maxBytes + 1);
            }
        }
        if (content == null || content.length > maxBytes) {
            String reason = name + " is larger than " + maxBytes / (1024 * 1024) + " MB and was not read: split it "
                    + "into smaller files.";
            event.reject(reason);
            ui.access(() -> refused.accept(reason));
            return;
        }
        byte[] file = content;
        ui.access(() -> received.accept(name, file));
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + MULTIPART_OVERHEAD;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}

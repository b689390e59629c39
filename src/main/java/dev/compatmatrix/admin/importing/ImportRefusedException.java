package dev.compatmatrix.admin.importing;

/** An import refused because of bad rows; nothing was written. The preview lists them. */
public class ImportRefusedException extends RuntimeException {

    private final transient ImportPreview preview;

    public ImportRefusedException(ImportPreview preview) {
        super(preview.errors().size() + " bad rows; nothing was imported. Fix them and try again.");
        this.preview = preview;
    }

    public ImportPreview preview() {
        return preview;
    }
}

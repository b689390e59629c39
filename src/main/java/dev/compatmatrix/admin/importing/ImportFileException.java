package dev.compatmatrix.admin.importing;

/** The file as a whole cannot be read (wrong type, malformed, unknown columns); nothing was imported. */
public class ImportFileException extends RuntimeException {

    public ImportFileException(String message) {
        super(message);
    }
}

package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.MatrixRow;
import java.io.IOException;

/** Writes one export format: the header, then each row as it arrives, then the end. Flushes, never closes. */
interface MatrixWriter {

    void begin(ExportHeader header) throws IOException;

    void row(MatrixRow row) throws IOException;

    void end() throws IOException;
}

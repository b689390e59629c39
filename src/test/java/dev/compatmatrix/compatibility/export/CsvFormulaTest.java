package dev.compatmatrix.compatibility.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFormulaTest {

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_made_inert() {
        assertThat(CsvMatrixWriter.inert("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvMatrixWriter.inert("+1")).isEqualTo("'+1");
        assertThat(CsvMatrixWriter.inert("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvMatrixWriter.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvMatrixWriter.inert("bert-base")).isEqualTo("bert-base");
        assertThat(CsvMatrixWriter.inert("")).isEmpty();
        assertThat(CsvMatrixWriter.inert(null)).isNull();
    }
}

package dev.compatmatrix.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.admin.importing.ImportService;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ui.AccessDeniedView;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class ImportViewTest extends WritingKaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_sees_the_bad_rows_fixes_them_and_applies() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/import");
        ImportView view = _get(ImportView.class);
        String bad =
                "model,family,type,size,hardware,level\nview-import-a,fam,audio,tiny,cuda,high\nview-import-b,fam,robot,tiny,cpu,low\n";
        view.received("bad.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(GridKt._size(view.errors)).isEqualTo(1);
        assertThat(GridKt._get(view.errors, 0).line()).isEqualTo(3);

        view.received("good.csv", bad.replace("robot", "vision").getBytes(StandardCharsets.UTF_8));
        assertThat(view.summary.getText()).contains("2 new models", "2 new claims", "Ready to apply");
        _click(view.apply);
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.upload.isEnabled()).isFalse();
        view.running.join();
        MockVaadin.clientRoundtrip(false);
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.upload.isEnabled()).isTrue();
        assertThat(view.summary.getText()).isEqualTo("Imported good.csv.");
        long imported = jdbc.sql("SELECT count(*) FROM models WHERE model_name LIKE 'view-import-%'")
                .query(Long.class)
                .single();
        assertThat(imported).isEqualTo(2);
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(view.holdsUpload())
                .as("the page keeps no uploaded data after the import")
                .isFalse();
    }

    @Test
    void an_upload_over_the_limit_is_refused_having_read_no_more_than_the_limit() throws IOException {
        ImportView view = openAsAdmin();
        // 400 MB generated as it is read, sent without a length (chunked), as an attacker's script would.
        var body = new GeneratedBody(400L * 1024 * 1024);
        post(view, "huge.csv", body, -1);
        MockVaadin.clientRoundtrip(false);

        assertThat(body.consumed).isBetween((long) ImportService.MAX_BYTES, ImportService.MAX_BYTES + 64L * 1024);
        assertThat(view.summary.getText())
                .isEqualTo("huge.csv is larger than 20 MB and was not read: split it into " + "smaller files.");
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(view.holdsUpload()).isFalse();
    }

    @Test
    void an_upload_announced_over_the_limit_is_refused_before_a_byte_is_read() throws IOException {
        ImportView view = openAsAdmin();
        var body = new GeneratedBody(400L * 1024 * 1024);

        post(view, "huge.csv", body, body.size);
        MockVaadin.clientRoundtrip(false);

        assertThat(body.consumed).isZero();
        assertThat(view.summary.getText()).startsWith("huge.csv is larger than 20 MB");
    }

    @Test
    void a_file_that_cannot_be_applied_is_not_kept() {
        ImportView view = openAsAdmin();

        view.received("bad.csv", "model,family,type\nx,fam,robot\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.holdsUpload()).isFalse();
        view.received("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(view.holdsUpload()).isFalse();
        assertThat(view.summary.getText()).isEqualTo("notes.txt: Upload a .csv or .json file");
    }

    private ImportView openAsAdmin() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/import");
        return _get(ImportView.class);
    }

    /** Posts a body to the page's upload handler the way the browser's upload does (an XHR with the file name). */
    private static void post(ImportView view, String fileName, GeneratedBody body, long announcedLength)
            throws IOException {
        var current = (VaadinServletRequest) VaadinRequest.getCurrent();
        var http = new HttpServletRequestWrapper(current.getHttpServletRequest()) {
            @Override
            public String getMethod() {
                return "POST";
            }

            @Override
            public String getContentType() {
                return "text/csv";
            }

            @Override
            public String getHeader(String name) {
                return name.equalsIgnoreCase("X-Filename") ? fileName : super.getHeader(name);
            }

            @Override
            public long getContentLengthLong() {
                return announcedLength;
            }

            @Override
            public ServletInputStream getInputStream() {
                return body;
            }
        };
        UploadKt.get_handler(view.upload)
                .handleRequest(
                        new VaadinServletRequest(http, current.getService()),
                        VaadinResponse.getCurrent(),
                        VaadinSession.getCurrent(),
                        view.upload.getElement());
    }

    /** A request body of the given size, made up as it is read, counting what was read. */
    static final class GeneratedBody extends ServletInputStream {
        final long size;
        long consumed;

        GeneratedBody(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (consumed >= size) {
                return -1;
            }
            consumed++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (consumed >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - consumed);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            consumed += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return consumed >= size;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void one_new_model_and_one_claim_are_counted_in_the_singular() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/import");
        ImportView view = _get(ImportView.class);

        view.received(
                "one.csv",
                "model,family,type,size,hardware,level\nview-import-one,fam,audio,tiny,cuda,high\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(view.summary.getText())
                .isEqualTo("one.csv: 1 row — 1 new model, 1 new claim, 0 changed claims, "
                        + "0 unchanged. Ready to apply.");
    }

    @Test
    void other_roles_cannot_import_and_the_refusal_is_logged(CapturedOutput output) {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("admin/import");
        _assertNone(ImportView.class);
        _get(AccessDeniedView.class);
        assertThat(output).contains("Access denied: editor may not open the screen /admin/import");
    }
}

package dev.compatmatrix.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhooks reach public https endpoints only, unless private addresses are allowed (SSRF). */
class WebhookAddressesTest {

    private final WebhookAddresses strict = new WebhookAddresses(new WebhookSettings(false, null, null, null, null));
    private final WebhookAddresses permissive = new WebhookAddresses(new WebhookSettings(true, null, null, null, null));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://127.1.2.3:8443/hook",
                "https://localhost/hook",
                "https://[::1]/hook",
                "https://0.0.0.0/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://192.168.1.10/hook",
                "https://169.254.169.254/latest/meta-data/",
                "https://[fe80::1]/hook",
                "https://[fd00:ec2::254]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[::ffff:a9fe:a9fe]/hook",
                "https://100.64.0.1/hook",
                "https://224.0.0.1/hook",
                "https://2130706433/hook"
            })
    void loopback_private_link_local_and_metadata_addresses_are_refused(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not reach");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/hook",
                "ftp://93.184.215.14/hook",
                "file:///etc/passwd",
                "93.184.215.14/hook",
                "https:///hook",
                "https://user:secret@93.184.215.14/hook",
                "",
                "https://exa mple.com/"
            })
    void only_https_urls_with_a_host_and_no_credentials_are_taken(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_public_https_address_is_taken() {
        assertThat(strict.check(" https://93.184.215.14/hooks/compat?x=1 ").toString())
                .isEqualTo("https://93.184.215.14/hooks/compat?x=1");
    }

    @Test
    void a_host_that_cannot_be_found_is_refused_by_name() {
        assertThatThrownBy(() -> strict.check("https://no-such-host.invalid/hook"))
                .hasMessage("The host no-such-host.invalid cannot be found");
    }

    @Test
    void private_addresses_and_plain_http_are_allowed_only_when_configured() {
        assertThat(permissive.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> permissive.check("ftp://127.0.0.1/hook")).isInstanceOf(IllegalArgumentException.class);
    }
}

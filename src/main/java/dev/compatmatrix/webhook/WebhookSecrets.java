package dev.compatmatrix.webhook;

import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.base.db.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Webhook signing secrets. The server computes an HMAC with each secret on every delivery, so it must keep the secret
 * itself, not a hash: it is stored sealed with AES-256-GCM under a key outside the database ({@code
 * compat.webhooks.secret-key}, or a key file readable by its owner only beside the DuckDB file), so a copy of the
 * database or a backup alone does not reveal the secrets.
 */
@Component
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    WebhookSecrets(WebhookSettings settings, DatabaseProperties database) {
        this.key = new SecretKeySpec(keyBytes(settings, Path.of(database.path())), "AES");
    }

    static String newSecret() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + 4) + "…";
    }

    /** The hex HMAC-SHA256 of {@code body} with {@code secret} (its UTF-8 bytes), as the signature header carries it. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The secret, or an exception saying this node's key is not the one that sealed it. */
    public String unseal(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The webhook's secret was sealed with another key: give every node the same compat.webhooks.secret-key",
                    e);
        }
    }

    private static byte[] keyBytes(WebhookSettings settings, Path databaseFile) {
        if (!settings.secretKey().isEmpty()) {
            byte[] key = Base64.getDecoder().decode(settings.secretKey());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("compat.webhooks.secret-key must be the base64 of 32 random bytes");
            }
            return key;
        }
        Path file = databaseFile.toAbsolutePath().resolveSibling("webhook-secrets.key");
        try {
            if (!Files.exists(file)) {
                OwnerOnly.createFolders(file.getParent());
                byte[] key = new byte[KEY_BYTES];
                RANDOM.nextBytes(key);
                Files.write(file, Base64.getEncoder().encode(key));
                OwnerOnly.restrict(file);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook key file " + file, e);
        }
    }
}

package dev.compatmatrix.webhook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Reads {@code compat.webhooks.*} (WebhookSettings). */
@Configuration
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfig {}
